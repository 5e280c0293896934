import type { NliTriple } from '../types';
import { triplesFromRows } from './from-rows';

/** Triples about train travel, pets and home repair. */
export const homeAndTravelTriples: readonly NliTriple[] = [
  ...triplesFromRows('train-travel', [
    [
      'The train arrived exactly on time despite the snow.',
      'The train was punctual.',
      'The train was hours late because of the snow.',
    ],
    [
      'We had to stand for the whole journey because the train was full.',
      'There were no free seats.',
      'We had a whole carriage to ourselves.',
    ],
    [
      'The last train of the night was cancelled.',
      'The final train did not run.',
      'The last train of the night ran as normal.',
    ],
    [
      'She travels to work by train every weekday.',
      'She commutes by rail.',
      'She drives to work every weekday.',
    ],
    [
      'The journey from the capital takes just over two hours.',
      'The trip is a couple of hours long.',
      'The journey from the capital takes all day.',
    ],
    [
      'Our tickets were checked twice on the way.',
      'Someone checked our tickets.',
      'Nobody checked our tickets at all.',
    ],
    [
      'The station has no lifts, only stairs.',
      'You must use stairs at the station.',
      'The station has lifts to every platform.',
    ],
    [
      'He fell asleep and missed his stop.',
      'He did not get off at his stop.',
      'He stayed awake and got off at his stop.',
    ],
    [
      'The sleeper train was comfortable and quiet.',
      'The night train was pleasant.',
      'The sleeper train was noisy and uncomfortable.',
    ],
    [
      'The railway line was closed for a week of repairs.',
      'Trains did not run on the line for a week.',
      'The railway line stayed open throughout the week.',
    ],
    [
      'We bought our tickets on the train from the guard.',
      'The tickets were bought on board.',
      'We bought our tickets weeks in advance online.',
    ],
    [
      'The train broke down in a tunnel for an hour.',
      'The train was stuck for a while.',
      'The train passed through the tunnel without stopping.',
    ],
    [
      'Dogs travel free on this railway.',
      'You do not pay for a dog.',
      'Dogs are not allowed on this railway.',
    ],
    [
      'The high-speed train reaches three hundred kilometres an hour.',
      'The train is very fast.',
      'The train never goes faster than fifty kilometres an hour.',
    ],
    [
      'The platform was almost empty at midnight.',
      'There were few people at the station.',
      'The platform was crowded at midnight.',
    ],
  ]),
  ...triplesFromRows('pets', [
    [
      'Our cat has not been outside since we moved house.',
      'The cat stays indoors.',
      'Our cat spends all day outside in the new garden.',
    ],
    [
      'The dog was found two days after running away.',
      'The dog came back.',
      'The dog was never found after running away.',
    ],
    [
      'She has three cats and a very old dog.',
      'She owns several pets.',
      'She does not own any animals.',
    ],
    [
      'The puppy is already house-trained at twelve weeks.',
      'The puppy is house-trained.',
      'The puppy still has accidents all over the house.',
    ],
    [
      'The vet said our dog is healthy for his age.',
      'The dog is in good health.',
      'The vet said our dog is seriously ill.',
    ],
    [
      'The rabbit lives in a large hutch in the garden.',
      'The rabbit lives outside.',
      'The rabbit lives inside the house.',
    ],
    [
      'He walks the dog every morning before breakfast.',
      'The dog gets a morning walk.',
      'He never takes the dog out in the morning.',
    ],
    [
      'The cat refused to eat the new food.',
      'The cat did not like the new food.',
      'The cat ate the new food eagerly.',
    ],
    [
      'The shelter found homes for all its dogs this month.',
      'Every dog was adopted.',
      "None of the shelter's dogs were adopted this month.",
    ],
    [
      'Our parrot is over forty years old.',
      'The parrot is old.',
      'Our parrot hatched only last year.',
    ],
    [
      'The dog is afraid of fireworks and hides under the table.',
      'Fireworks scare the dog.',
      'The dog loves fireworks and runs out to watch them.',
    ],
    [
      'We gave the kittens away to friends and neighbours.',
      'The kittens went to new homes.',
      'We kept all the kittens ourselves.',
    ],
    [
      'The goldfish died while we were on holiday.',
      'The fish did not survive.',
      'The goldfish was alive and well when we returned.',
    ],
    [
      'The dog is not allowed on the sofa.',
      'The sofa is off limits to the dog.',
      'The dog sleeps on the sofa every night.',
    ],
    [
      'The hamster escaped and was found behind the fridge.',
      'The hamster got out of its cage.',
      'The hamster stayed in its cage all night.',
    ],
  ]),
  ...triplesFromRows('home-repair', [
    [
      'He fixed the leaking tap himself without calling a plumber.',
      'The tap was repaired.',
      'The tap still leaks because nobody fixed it.',
    ],
    [
      'The whole house was rewired last year.',
      'The house has new wiring.',
      'The house still has its original old wiring.',
    ],
    [
      'She painted the bedroom a pale shade of green.',
      'The bedroom is green.',
      'She painted the bedroom bright red.',
    ],
    [
      'The boiler broke down on the coldest day of the year.',
      'The heating failed in cold weather.',
      'The boiler worked fine all through the cold spell.',
    ],
    [
      'The new windows have made the house much quieter.',
      'The house is quieter now.',
      'The new windows let in more noise than before.',
    ],
    [
      'We spent the weekend building a garden shed.',
      'We built a shed.',
      'We spent the weekend pulling down the old shed.',
    ],
    [
      'The roof was repaired before the winter storms.',
      'The roof was fixed in time.',
      'The roof was still broken when the storms came.',
    ],
    [
      'The flat-pack wardrobe took four hours to assemble.',
      'Assembly took several hours.',
      'The wardrobe was put together in ten minutes.',
    ],
    [
      'He hung the mirror too low and had to move it.',
      'The mirror was moved.',
      'He hung the mirror at exactly the right height first time.',
    ],
    [
      'The kitchen floor was replaced with oak boards.',
      'The kitchen has a wooden floor.',
      'The kitchen floor is covered in carpet.',
    ],
    [
      'A burst pipe flooded the basement overnight.',
      'Water filled the basement.',
      'The basement stayed dry overnight.',
    ],
    [
      'The landlord refuses to repair the broken window.',
      'The window is still broken.',
      'The landlord fixed the broken window the same day.',
    ],
    [
      'She used a ladder to clear the gutters.',
      'The gutters were cleared.',
      'She left the gutters full of leaves.',
    ],
    [
      'The old carpet was ripped up to reveal wooden floorboards.',
      'There were floorboards under the carpet.',
      'Under the old carpet there was only concrete.',
    ],
    [
      'The front door lock is broken and will not turn.',
      'The lock does not work.',
      'The front door lock turns smoothly.',
    ],
  ]),
];
