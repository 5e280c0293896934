import type { NliTriple } from '../types';
import { triplesFromRows } from './from-rows';

/** Triples about weather, astronomy, sailing and hiking. */
export const skyAndSeaTriples: readonly NliTriple[] = [
  ...triplesFromRows('weather', [
    [
      'It rained all day on Saturday and the match was cancelled.',
      'Saturday was a wet day.',
      'Saturday stayed dry and sunny all day.',
    ],
    [
      'The temperature fell below zero for the first time this winter.',
      'It was freezing.',
      'The temperature stayed well above freezing all winter.',
    ],
    [
      'A strong wind blew down two trees in the park last night.',
      'Trees fell in the park during the night.',
      'The night was calm and every tree in the park still stands.',
    ],
    [
      'The forecast says tomorrow will be hot and sunny.',
      'Good weather is predicted for tomorrow.',
      'The forecast says tomorrow will be cold and wet.',
    ],
    [
      'Snow has covered the village for three weeks.',
      'There has been snow in the village for weeks.',
      'There has been no snow in the village this year.',
    ],
    [
      'The summer was the driest in fifty years.',
      'It hardly rained this summer.',
      'The summer was unusually wet.',
    ],
    [
      'Thick fog closed the motorway this morning.',
      'Visibility was poor on the motorway.',
      'The air was perfectly clear on the motorway this morning.',
    ],
    [
      'The storm passed to the south and missed our town.',
      'Our town avoided the storm.',
      'The storm hit our town directly.',
    ],
    [
      'It has been warm enough to eat outside all week.',
      'The week has been mild.',
      'It has been too cold to go outside all week.',
    ],
    [
      'The river burst its banks after days of rain.',
      'There was flooding near the river.',
      'The river stayed low despite the rain.',
    ],
    [
      'Hail fell for ten minutes during the afternoon.',
      'There was hail in the afternoon.',
      'No hail or rain fell at any point in the afternoon.',
    ],
    [
      'Temperatures reached forty degrees in the capital.',
      'The capital was extremely hot.',
      'The capital stayed cool at around fifteen degrees.',
    ],
    [
      'The wind dropped completely in the evening.',
      'The evening was calm.',
      'The wind grew stronger through the evening.',
    ],
    [
      'Frost damaged the early blossom on the cherry trees.',
      'It was cold enough for frost.',
      'The cherry blossom was untouched because there was no frost.',
    ],
    [
      'We had clear blue skies for the entire holiday.',
      'The weather was fine on holiday.',
      'It was cloudy every day of the holiday.',
    ],
  ]),
  ...triplesFromRows('astronomy', [
    [
      "We saw Saturn's rings through a small telescope last night.",
      'Saturn was visible last night.',
      'Clouds hid Saturn from view all night.',
    ],
    [
      'The full moon rose just after sunset.',
      'The moon was full.',
      'There was a new moon, so the sky was dark.',
    ],
    [
      'The comet will be visible to the naked eye next month.',
      'People will see the comet without a telescope.',
      'The comet will be too faint to see even with a telescope.',
    ],
    [
      'Astronomers found water ice in a crater on the moon.',
      'There is ice on the moon.',
      'Astronomers confirmed that the moon has no water ice.',
    ],
    [
      'The eclipse was hidden by thick cloud over the city.',
      'Cloud blocked the view of the eclipse.',
      'Everyone in the city had a perfect view of the eclipse.',
    ],
    [
      'Mars is closer to the sun than Jupiter is.',
      'Jupiter is further from the sun than Mars.',
      'Mars is further from the sun than Jupiter.',
    ],
    [
      'The observatory is closed to visitors during winter.',
      'Visitors cannot enter in winter.',
      'The observatory welcomes visitors all winter.',
    ],
    [
      'She counted over fifty meteors in one hour.',
      'She saw many meteors.',
      'She did not see a single meteor.',
    ],
    [
      'The star exploded as a supernova thousands of years ago.',
      'The star exploded.',
      'The star is still quietly burning as it always has.',
    ],
    [
      'The new telescope is twice as large as the old one.',
      'The new telescope is bigger.',
      'The new telescope is smaller than the old one.',
    ],
    [
      'Venus was shining brightly in the west after dusk.',
      'Venus could be seen in the evening.',
      'Venus was not visible at all that evening.',
    ],
    [
      'The planet takes three days to orbit its star.',
      'The planet orbits its star quickly.',
      'The planet takes centuries to orbit its star.',
    ],
    [
      'The rocket launched on time and reached orbit.',
      'The launch succeeded.',
      'The rocket exploded on the launch pad.',
    ],
    [
      'Light from the sun takes about eight minutes to reach Earth.',
      'Sunlight reaches us in minutes.',
      'Sunlight reaches the Earth instantly.',
    ],
    [
      'Our galaxy has a supermassive black hole at its centre.',
      'There is a black hole in the middle of the galaxy.',
      'There is no black hole at the centre of our galaxy.',
    ],
  ]),
  ...triplesFromRows('sailing', [
    [
      'The yacht sailed into harbour just as the sun went down.',
      'The yacht arrived at dusk.',
      'The yacht arrived in harbour at dawn.',
    ],
    [
      'The race was postponed because there was no wind.',
      'The lack of wind delayed the race.',
      'The race was postponed because the wind was too strong.',
    ],
    [
      "The boat's engine failed and they sailed home.",
      'They used the sails to return.',
      'The engine worked perfectly and brought them home.',
    ],
    [
      'She has sailed across the Atlantic twice.',
      'She has crossed the Atlantic by boat.',
      'She has never sailed across any ocean.',
    ],
    [
      'The harbour was too shallow for the big yacht at low tide.',
      'The water was shallow at low tide.',
      'The harbour was deep enough for the big yacht at any tide.',
    ],
    [
      'We saw a pod of whales halfway across the bay.',
      'Whales were seen in the bay.',
      'We saw no animals at all in the bay.',
    ],
    [
      'The small dinghy capsized in a sudden gust.',
      'The dinghy overturned.',
      'The dinghy stayed upright through every gust.',
    ],
    [
      'The crew reefed the sails as the wind grew stronger.',
      'The sails were reduced in strong wind.',
      'The crew raised more sail because the wind was dropping.',
    ],
    [
      'He is sick every time he goes out on a boat.',
      'He suffers from seasickness.',
      'He has never once felt sick on a boat.',
    ],
    [
      'The ferry was cancelled due to rough seas.',
      'The sea was rough.',
      'The ferry sailed on time across a calm sea.',
    ],
    [
      'They anchored overnight in a sheltered cove.',
      'They spent the night at anchor.',
      'They sailed through the night without stopping.',
    ],
    [
      'The old wooden boat leaks and needs pumping every day.',
      'Water gets into the boat.',
      'The old wooden boat is completely watertight.',
    ],
    [
      'The lifeboat reached the stranded sailors within an hour.',
      'The sailors were reached by the lifeboat.',
      'The lifeboat never found the stranded sailors.',
    ],
    [
      'The mast snapped during the night in the storm.',
      'The mast was broken.',
      'The mast came through the storm undamaged.',
    ],
    [
      'The regatta attracted boats from twelve countries.',
      'The regatta was international.',
      'Only local boats took part in the regatta.',
    ],
  ]),
  ...triplesFromRows('hiking', [
    [
      'We climbed to the summit in under three hours.',
      'We reached the top.',
      'We turned back long before the summit.',
    ],
    [
      'The trail was closed after a landslide last week.',
      'The trail cannot be used right now.',
      'The trail is open and in excellent condition.',
    ],
    [
      'She hiked alone across the moor in thick fog.',
      'She walked by herself.',
      'She hiked across the moor with a large group.',
    ],
    [
      'His new boots gave him painful blisters on the first day.',
      'His feet hurt on the first day.',
      'His new boots were comfortable from the first step.',
    ],
    [
      'The path to the waterfall is flat and suitable for pushchairs.',
      'The route is easy.',
      'The path to the waterfall is steep and rocky.',
    ],
    [
      'We ran out of water an hour before reaching the hut.',
      'We had no water left for the last hour.',
      'We still had plenty of water when we reached the hut.',
    ],
    [
      'The walk took all day and we arrived after dark.',
      'It was a long walk.',
      'We finished the walk before lunch.',
    ],
    [
      'The guide led the group safely down the icy slope.',
      'The group descended safely.',
      'The group had to be rescued from the icy slope.',
    ],
    [
      'Nobody else was on the trail that morning.',
      'The trail was quiet.',
      'The trail was crowded with hikers that morning.',
    ],
    [
      'The hut was full, so we camped outside.',
      'We slept in a tent.',
      'We slept comfortably inside the hut.',
    ],
    [
      'He twisted his ankle on the descent and had to be helped down.',
      'He was injured while hiking.',
      'He reached the bottom without any injury.',
    ],
    [
      'The ridge walk is only for experienced hikers.',
      'The ridge is difficult.',
      'The ridge walk is easy enough for complete beginners.',
    ],
    [
      'We were soaked to the skin by the end of the walk.',
      'We got wet.',
      'We stayed completely dry throughout the walk.',
    ],
    [
      'The map showed a footbridge that no longer exists.',
      'The map was out of date.',
      'The footbridge is exactly where the map shows it.',
    ],
    [
      'They walked twenty miles along the coast in one day.',
      'They covered a long distance.',
      'They walked less than a mile along the coast.',
    ],
  ]),
];
