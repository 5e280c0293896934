import type { StsPair } from '../types';
import { pairsFromRows } from './from-rows';

/** Pairs scored 1–2: about the same topic, sharing at most a minor element. */
export const topicalPairs: readonly StsPair[] = pairsFromRows([
  [1, 'The bread dough needs to rise for an hour.', 'He never eats spicy food.'],
  [
    1.2,
    'The wind was so strong that the bins blew over.',
    'Next week should be warmer than this one.',
  ],
  [
    1,
    'The club appointed a new coach in the summer.',
    'The pitch is being relaid with artificial grass.',
  ],
  [
    1,
    'Saturn has a thin ring system made of ice.',
    'The moon looked huge as it rose over the hills.',
  ],
  [1, 'His credit card bill arrived on Monday.', 'The bank has a new logo.'],
  [1.8, 'The hedge was full of nesting birds.', 'Birds ate all the seeds I had just sown.'],
  [1, "The band's drummer is only seventeen.", 'The concert hall has excellent acoustics.'],
  [
    1.5,
    'The station has a new waiting room with heating.',
    'The train was cancelled because of a fault.',
  ],
  [
    1,
    'Parking at the hospital is nearly impossible on weekdays.',
    'Children should be vaccinated against measles.',
  ],
  [
    1.8,
    'The server logs every failed login attempt.',
    'Passwords must now be at least twelve characters long.',
  ],
  [1, 'Our rabbit loves eating dandelions.', 'The cat sleeps all day long.'],
  [1.5, 'The map showed three routes to the summit.', 'We saw wild goats on the mountain path.'],
  [
    1,
    'He keeps his old cameras in a glass cabinet.',
    'The best photos are often taken on cloudy days.',
  ],
  [
    1.8,
    'The tournament prize was a silver trophy.',
    'She won the final game of the tournament with black.',
  ],
  [
    1,
    'The marina has space for three hundred boats.',
    'Knots must be tied quickly in an emergency.',
  ],
  [1.2, 'The school library has new computers.', 'Pupils go home at half past three.'],
  [1, 'Cycling shorts should fit snugly.', 'The bike path ends at the river.'],
  [
    1.8,
    'The barista used too much milk in my cappuccino.',
    "The café's milk comes from a local farm.",
  ],
  [1, 'The bookshop has a cat that sleeps in the window.', 'Her second novel was a comedy.'],
  [1.2, 'Tractors are expensive to repair.', 'The farmer sold his lambs at the market.'],
  [1, 'The gallery is free on Thursday evenings.', 'He mixed a deep purple from red and blue.'],
  [
    1.8,
    'The bathroom tiles are cracked near the shower.',
    'Water was dripping from the shower head all night.',
  ],
  [1.2, 'She stirred cream into the sauce.', 'The kitchen knives need sharpening.'],
  [
    1.2,
    'The weather app sends an alert when rain is near.',
    'Last winter was the mildest on record.',
  ],
  [
    1.8,
    'The fans sang the club anthem before kick-off.',
    'Supporters were angry about ticket prices.',
  ],
  [
    1,
    "The observatory's great telescope dates from the Victorian era.",
    'Many stars are much larger than our sun.',
  ],
  [1.2, "The bank's interest rates are published online.", 'Fraud cases rose sharply this year.'],
  [1.5, 'She forgot to take her pills this morning.', 'The pharmacy closes at six on Saturdays.'],
  [1.2, 'The cat brings in leaves from the garden.', 'Our dog hates having a bath.'],
  [
    1.5,
    'The violinist tuned her instrument before going on stage.',
    'The stage lights were too bright for the musicians.',
  ],
  [1, 'The sail has a small tear near the top.', 'The harbour is busy in August.'],
  [1.2, 'We bought walking boots before the holiday.', 'The trail passes an old castle.'],
  [
    1.5,
    'The cyclists stopped at a café for coffee.',
    'The barista made coffee for a group of hikers.',
  ],
  [
    1.5,
    'The students painted a mural in the school hall.',
    'The art teacher hung our paintings in the corridor.',
  ],
]);
