import type { NliTriple } from '../types';
import { triplesFromRows } from './from-rows';

/** Triples about cooking, coffee, farming and gardening. */
export const foodAndLandTriples: readonly NliTriple[] = [
  ...triplesFromRows('cooking', [
    [
      'He fried the eggs in butter and served them on toast.',
      'He cooked eggs for the meal.',
      'He boiled the eggs and served them without any bread.',
    ],
    [
      'The stew simmered for three hours until the beef fell apart.',
      'The beef was cooked for a long time.',
      'The stew was ready after ten minutes and the beef stayed tough.',
    ],
    [
      'She added far too much chilli, and nobody could finish the curry.',
      'The curry was too spicy for the diners.',
      'The curry was so mild that everyone asked for more chilli.',
    ],
    [
      'My father bakes fresh bread every Saturday morning.',
      'Fresh bread is made at home each week.',
      'My father has never baked bread in his life.',
    ],
    [
      'The restaurant kitchen was spotless when the inspector arrived.',
      'The inspector found a clean kitchen.',
      'The inspector found the restaurant kitchen filthy.',
    ],
    [
      'We ran out of olive oil, so I used butter instead.',
      'I used butter because there was no olive oil left.',
      'We had plenty of olive oil, so I used that.',
    ],
    [
      'The vegetable soup is made without any meat or fish.',
      'The soup is suitable for vegetarians.',
      'The vegetable soup is made with chicken stock.',
    ],
    [
      'He chopped the onions finely while the pan heated up.',
      'Onions were chopped during the cooking.',
      'He left the onions whole and never heated the pan.',
    ],
    [
      'The cake collapsed because the oven door was opened too early.',
      'The cake did not rise properly.',
      'The cake rose perfectly even though the door was opened.',
    ],
    [
      'She cooks dinner for the whole family every night.',
      "She regularly prepares the family's evening meal.",
      'She never cooks, so the family always eats out.',
    ],
    [
      'The pasta was overcooked and soft in the middle.',
      'The pasta was cooked too long.',
      'The pasta was perfectly firm and cooked just right.',
    ],
    [
      'He seasoned the sauce with salt and fresh black pepper.',
      'The sauce was seasoned.',
      'He left the sauce completely unseasoned.',
    ],
    [
      'The chef served the fish with a wedge of lemon.',
      'The fish came with lemon.',
      'The chef served the fish without any lemon.',
    ],
    [
      'They ordered pizza because the oven was broken.',
      'The oven was not working.',
      'They baked their own pizza in the working oven.',
    ],
    [
      'The roast chicken needs another twenty minutes in the oven.',
      'The chicken is not finished cooking.',
      'The roast chicken is already fully cooked and resting.',
    ],
  ]),
  ...triplesFromRows('coffee', [
    [
      'The café stopped serving coffee at three in the afternoon.',
      'Coffee is not available late in the day.',
      'The café serves coffee until midnight.',
    ],
    [
      'She drinks two cups of coffee before leaving for work.',
      'She has coffee in the morning.',
      'She never drinks coffee before work.',
    ],
    [
      'The espresso was bitter because the beans were over-roasted.',
      'The espresso tasted bitter.',
      'The espresso was sweet and not at all bitter.',
    ],
    [
      "He switched to decaf after his doctor's advice.",
      'He now drinks decaffeinated coffee.',
      'He ignored the doctor and drinks only strong regular coffee.',
    ],
    [
      'The barista was new and took ages to make each drink.',
      'The drinks were made slowly.',
      'The new barista made each drink in seconds.',
    ],
    [
      'The beans in this bag came from a farm in Kenya.',
      'These beans were grown in Africa.',
      'The beans in this bag were grown in Brazil.',
    ],
    [
      'Our office coffee machine has been broken for a week.',
      'The office coffee machine does not work.',
      'The office coffee machine works perfectly.',
    ],
    [
      'The latte was served in a tall glass with extra foam.',
      'The latte came in a glass.',
      'The latte was served in a paper cup with no foam.',
    ],
    [
      'The café was empty when we arrived on Monday morning.',
      'There were no other customers at first.',
      'The café was packed when we arrived on Monday.',
    ],
    [
      'He grinds his beans just before making each cup.',
      'He uses freshly ground coffee.',
      'He only uses coffee that was ground weeks ago.',
    ],
    [
      'The coffee shop raised its prices by fifty cents.',
      'Coffee at the shop became more expensive.',
      'The coffee shop lowered its prices this month.',
    ],
    [
      'She takes her coffee with milk and one sugar.',
      'She adds milk to her coffee.',
      'She drinks her coffee black without sugar.',
    ],
    [
      'The cold brew was left to steep overnight in the fridge.',
      'The cold brew steeped for many hours.',
      'The cold brew was made in two minutes with boiling water.',
    ],
    [
      'The roastery gives free tours on the first Saturday of each month.',
      'The roastery offers tours.',
      'The roastery never allows visitors inside.',
    ],
    [
      'My cup of tea went cold while I answered emails.',
      'I let my drink cool down.',
      'My tea stayed piping hot the whole time.',
    ],
  ]),
  ...triplesFromRows('farming', [
    [
      'The farmer sold all his cattle and now grows only wheat.',
      'The farmer no longer keeps cattle.',
      'The farmer still keeps a large herd of cattle.',
    ],
    [
      'Heavy rain flooded the lower fields in March.',
      'Some fields were under water in spring.',
      'The lower fields stayed completely dry in March.',
    ],
    [
      'The sheep were sheared in June before the hot weather.',
      'The sheep lost their wool in early summer.',
      'The sheep were never sheared this year.',
    ],
    [
      'The orchard produced a record apple crop this autumn.',
      'There were many apples this year.',
      'The orchard produced hardly any apples this autumn.',
    ],
    [
      'The farm uses no chemical pesticides on its vegetables.',
      'The vegetables are grown without chemical pesticides.',
      'The farm sprays its vegetables with chemical pesticides.',
    ],
    [
      'The hens escaped from their run and wandered into the road.',
      'The chickens got out.',
      'The hens stayed safely inside their run all day.',
    ],
    [
      'The tractor broke down in the middle of the harvest.',
      'There was a mechanical problem during harvest.',
      'The tractor ran without a single problem throughout the harvest.',
    ],
    [
      'The young farmer took over the dairy from her parents.',
      'The dairy passed to the next generation.',
      "The young farmer's parents sold the dairy to strangers.",
    ],
    [
      'The cows are milked twice a day by a robot.',
      'Milking is done by a machine.',
      'The cows are milked by hand once a week.',
    ],
    [
      'Frost in May destroyed most of the strawberry flowers.',
      'The strawberry crop was damaged by cold.',
      'The strawberry flowers were untouched by frost in May.',
    ],
    [
      'The farm shop is open every day except Sunday.',
      'You can visit the farm shop on weekdays.',
      'The farm shop opens only on Sundays.',
    ],
    [
      'The pigs live outdoors in the fields all year round.',
      'The pigs are kept outside.',
      'The pigs are kept indoors in sheds all year.',
    ],
    [
      'The barley was harvested before the storm arrived.',
      'The barley was gathered in time.',
      'The storm flattened the barley before anyone could harvest it.',
    ],
    [
      'The farmer hired three extra workers for the grape harvest.',
      'Extra help was needed for the harvest.',
      'The farmer picked all the grapes alone.',
    ],
    [
      'Most of the land on the farm is used for grazing sheep.',
      'Sheep graze on the farm.',
      'There are no animals at all on the farm.',
    ],
  ]),
  ...triplesFromRows('gardening', [
    [
      'The roses bloomed early because of the warm spring.',
      'The roses flowered sooner than usual.',
      'The roses bloomed late because of the cold spring.',
    ],
    [
      'He waters the vegetable patch every evening in summer.',
      'The vegetables get watered regularly.',
      'He never waters the vegetable patch.',
    ],
    [
      'Slugs destroyed all the young lettuces in one night.',
      'The lettuces were eaten by slugs.',
      'The young lettuces survived the night untouched.',
    ],
    [
      'She grows all her own tomatoes in a small greenhouse.',
      'She grows tomatoes.',
      'She buys all her tomatoes because she cannot grow them.',
    ],
    [
      'The lawn has not been mown for a month.',
      'The grass is getting long.',
      'The lawn was mown yesterday.',
    ],
    [
      'We planted an oak sapling in the corner of the garden.',
      'A young tree was planted.',
      'We cut down the oak in the corner of the garden.',
    ],
    [
      'The garden is too shady for most vegetables.',
      'The garden gets little sun.',
      'The garden is in full sun all day.',
    ],
    [
      'The compost heap is full of worms and rich dark soil.',
      'The compost contains worms.',
      'The compost heap is dry and has no worms.',
    ],
    [
      'She pulled every weed out of the flower bed by hand.',
      'The flower bed was weeded.',
      'She left the flower bed full of weeds.',
    ],
    [
      'The pear tree produced no fruit this year.',
      'There were no pears this year.',
      'The pear tree was covered in ripe fruit this year.',
    ],
    [
      "Our neighbour's hedge blocks the light from our kitchen garden.",
      'The hedge shades the garden.',
      'Our kitchen garden gets full light because there is no hedge.',
    ],
    [
      'He dug up the potatoes in late September.',
      'The potatoes were harvested in autumn.',
      'He dug up the potatoes in early spring.',
    ],
    [
      'The sunflowers grew taller than the garden shed.',
      'The sunflowers grew very tall.',
      'The sunflowers barely reached the height of my knee.',
    ],
    [
      'The garden centre sells seeds, tools and compost.',
      'You can buy seeds at the garden centre.',
      'The garden centre sells only furniture.',
    ],
    [
      'She planted the bulbs too deep and none came up.',
      'The bulbs did not grow.',
      'Every bulb came up in spring.',
    ],
  ]),
];
