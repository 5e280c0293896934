import type { StsPair } from '../types';
import { pairsFromRows } from './from-rows';

/** Pairs scored 2–3: not equivalent, but sharing some details (the same scene, actor or object). */
export const partialPairs: readonly StsPair[] = pairsFromRows([
  [
    2.5,
    'She fried some mushrooms for breakfast.',
    'She grilled fish for dinner with mushrooms on the side.',
  ],
  [2, 'Snow fell across the hills overnight.', 'The hills were green and sunny this morning.'],
  [2, 'The home side scored in the first minute.', 'The visitors scored late to win the game.'],
  [
    2.8,
    'The telescope shows the moons of Jupiter clearly.',
    "Through binoculars you can just make out Jupiter's moons.",
  ],
  [2.5, 'He opened a savings account for his son.', 'His son closed his savings account.'],
  [2.5, 'She planted roses along the front fence.', 'The roses along the fence need pruning.'],
  [
    2.5,
    'The orchestra played Beethoven in the cathedral.',
    'The choir sang in the cathedral on Sunday.',
  ],
  [
    2.2,
    'The morning train to the city was packed.',
    'The evening train from the city was nearly empty.',
  ],
  [2.5, 'The nurse took a blood sample from my arm.', 'The nurse put a bandage on my arm.'],
  [
    2,
    'The website is built with a popular JavaScript framework.',
    'The website was slow until the images were compressed.',
  ],
  [2, 'My cat sleeps on my bed every night.', 'My dog sleeps in a basket in the kitchen.'],
  [
    2.8,
    'We climbed the mountain in the rain.',
    'We climbed the mountain on a clear day and saw the sea.',
  ],
  [
    2.2,
    'She prints her photographs on heavy matte paper.',
    'She shares her photographs online every day.',
  ],
  [
    2,
    'The chess club meets on Wednesday evenings in the library.',
    'The chess club played a match against a team from the library.',
  ],
  [
    2.5,
    'The yacht slipped its mooring at first light.',
    'The fishing boats returned to the harbour at dawn.',
  ],
  [2, 'The exam lasts three hours.', 'The maths exam was postponed by a week.'],
  [2.8, 'He cycled to the beach with his daughter.', 'He and his daughter walked to the beach.'],
  [
    2.5,
    'The café sells cakes and sandwiches as well as coffee.',
    'The café sells coffee beans by the kilo.',
  ],
  [2.2, "The author's new novel is set in Rome.", 'The author lives in Rome and writes poetry.'],
  [
    2.5,
    'The cows were milked early because of the heat.',
    'The cows were kept in the shade during the heatwave.',
  ],
  [2.2, 'She painted the harbour in oils.', 'She photographed the harbour at night.'],
  [2.8, 'He fixed the leak in the roof.', 'He fixed the leak under the sink.'],
  [2.5, 'The soup was too salty to eat.', 'The soup needed more salt.'],
  [2.5, 'It was windy but dry at the coast today.', 'It was windy and wet inland today.'],
  [
    2.8,
    'The referee stopped the game because of fog.',
    'Thick fog hung over the pitch, and the match finished level.',
  ],
  [
    2,
    'The loan was approved in a day.',
    'The loan application asked for three years of bank statements.',
  ],
  [
    2.2,
    'The comet will pass close to Earth next year.',
    'An asteroid passed close to Earth last year.',
  ],
  [
    2.2,
    'The doctor prescribed rest and fluids for the flu.',
    'For her ear infection, the GP gave her a course of antibiotics.',
  ],
  [
    2.2,
    'Every push triggers a full run of the test suite.',
    'She wrote tests for the new login page.',
  ],
  [
    2.8,
    'The puppy chewed the legs of the kitchen chairs.',
    'The puppy chewed a hole in my favourite shoe.',
  ],
  [
    2.8,
    'She reads mystery novels on the train to work.',
    'She listens to podcasts on the train to work.',
  ],
  [
    2,
    'Our teacher plays the guitar in assembly.',
    'The music teacher organised a concert for parents.',
  ],
  [
    2.5,
    'The bike race passes through our village on Sunday.',
    'The marathon passes through our village on Sunday.',
  ],
  [2.5, 'The hikers camped beside a lake.', 'The hikers swam in the lake after lunch.'],
  [
    2.2,
    'Her painting of the lake won a local prize.',
    'She photographed the lake for a competition.',
  ],
]);
