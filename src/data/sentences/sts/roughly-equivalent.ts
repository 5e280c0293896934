import type { StsPair } from '../types';
import { pairsFromRows } from './from-rows';

/** Pairs scored 3–4: roughly the same event or claim, with some details differing or missing. */
export const roughlyEquivalentPairs: readonly StsPair[] = pairsFromRows([
  [
    3.5,
    'The chef roasted a chicken with lemon and garlic for Sunday lunch.',
    'A roast chicken was served for lunch on Sunday.',
  ],
  [
    3,
    'It rained heavily in the city on Monday morning.',
    'There was a downpour across the region at the start of the week.',
  ],
  [
    3.8,
    'The team clinched the league title with a win on the final day.',
    'The team won the league on the last day of the season.',
  ],
  [
    3.2,
    'Astronomers photographed a black hole for the first time in 2019.',
    'Scientists released the first image of a black hole.',
  ],
  [
    3.2,
    'She moved her savings into a fixed-term account that pays more.',
    'She switched banks to earn more interest.',
  ],
  [
    3,
    'He grows carrots, onions and beans in his back garden.',
    'He has a vegetable garden behind the house.',
  ],
  [
    3.5,
    'The guitarist played a long solo at the end of the song.',
    'The song finished with a guitar solo that the crowd loved.',
  ],
  [
    3,
    'The train from Paris was late because of a strike.',
    'Industrial action delayed several trains this morning.',
  ],
  [
    3.5,
    'The doctor ordered a scan to check his injured knee.',
    'His knee was examined with an MRI scan.',
  ],
  [
    3.2,
    'The program reads a CSV file and prints a summary of the data.',
    'The script summarises the contents of a spreadsheet file.',
  ],
  [3.5, 'Our dog barks whenever someone rings the doorbell.', 'The dog barks at visitors.'],
  [3, 'We walked ten miles along the cliffs and stopped at a café.', 'We did a long coastal walk.'],
  [
    3.8,
    'He took a portrait of his grandmother in the garden.',
    'He photographed his grandmother outdoors.',
  ],
  [
    3.2,
    'She won the game with a clever knight sacrifice.',
    'A knight sacrifice decided the match in the end.',
  ],
  [
    3.8,
    'The ferry crossed the strait in rough seas and many passengers felt sick.',
    'Passengers were seasick on the stormy ferry crossing.',
  ],
  [
    3,
    'The students spent the afternoon doing experiments in the chemistry lab.',
    'The class had a practical science lesson.',
  ],
  [
    3.8,
    'The cyclist punctured twice on the gravel road.',
    'He had two flat tyres on the rough track.',
  ],
  [
    3.2,
    'She buys her coffee beans from a roaster in the next town.',
    'She gets locally roasted beans for her coffee.',
  ],
  [
    3.5,
    'The novel follows a family through three generations in Ireland.',
    'The book is a family saga set in Ireland.',
  ],
  [
    3.5,
    'The farmer harvested the wheat a week earlier than last year.',
    'The wheat harvest came early this year.',
  ],
  [
    3.2,
    'The museum bought a landscape by a famous Dutch painter.',
    "A Dutch painting was added to the museum's collection.",
  ],
  [3, 'He fixed the loose banister before the guests arrived.', 'The stair rail was repaired.'],
  [
    3.8,
    'Strong winds are expected along the coast tonight.',
    'There will be gales on the coast this evening.',
  ],
  [
    3,
    "He baked a chocolate cake for his daughter's birthday.",
    'A cake was made for the birthday party.',
  ],
  [
    3.5,
    'The defender was sent off for a second yellow card.',
    'A defender received a red card during the game.',
  ],
  [
    3.2,
    'She paid off her credit card with her annual bonus.',
    'She used extra money to clear her debt.',
  ],
  [3.2, "The vet removed a splinter from the dog's paw.", "The dog's paw was treated by the vet."],
  [3.5, 'The moon passed in front of the sun and the sky went dark.', 'There was a solar eclipse.'],
  [3, 'The new update adds a dark mode and fixes several bugs.', 'The latest release fixes bugs.'],
  [
    3.5,
    'The choir sang carols in the town square on Christmas Eve.',
    'Carols were sung outdoors before Christmas.',
  ],
  [
    3.2,
    'She hiked the whole trail in nine days, carrying her own tent.',
    'She completed the trail in just over a week.',
  ],
  [
    3.8,
    'The teacher gave the class extra homework before the holidays.',
    'Students were set work to do over the break.',
  ],
  [
    3.2,
    'They replaced the old boiler with a heat pump.',
    'The house now has a new heating system.',
  ],
  [
    3.8,
    'The photographer used a drone to film the coastline.',
    'Aerial footage of the coast was captured.',
  ],
]);
