import type { StsPair } from '../types';
import { pairsFromRows } from './from-rows';

/** Pairs scored 4–5: the same meaning, or the same meaning with a minor detail missing or changed. */
export const equivalentPairs: readonly StsPair[] = pairsFromRows([
  [
    5,
    'Our flight was cancelled, so we took the overnight train instead.',
    'We took the overnight train because our flight was cancelled.',
  ],
  [5, 'The goalkeeper caught the ball easily.', 'The keeper easily caught the ball.'],
  [
    4.8,
    'A thunderstorm knocked out the lights across the whole street.',
    'The whole street lost its lights during a thunderstorm.',
  ],
  [
    4.2,
    'She simmered the lentils in stock for half an hour.',
    'The lentils were cooked in stock for about thirty minutes.',
  ],
  [4.5, 'Jupiter has dozens of moons circling it.', 'Many moons orbit the giant planet Jupiter.'],
  [
    4.5,
    'The bank charged me a fee for withdrawing cash abroad.',
    'I paid a charge to take out money in another country.',
  ],
  [
    5,
    'He plants his seedlings outside once the frosts are over.',
    'Once there is no more frost, he moves his seedlings outdoors.',
  ],
  [
    4,
    'The pianist performed a Chopin nocturne at the recital.',
    'A piece by Chopin was played on the piano at the concert.',
  ],
  [4.8, 'My doctor told me to cut down on sugar.', 'The doctor advised me to eat less sugar.'],
  [
    4.5,
    'The app crashed whenever users tried to upload a photo.',
    'Uploading a picture made the application crash.',
  ],
  [
    5,
    'The kitten slept curled up in a shoebox.',
    'Curled up in a shoebox, the kitten was sleeping.',
  ],
  [
    4,
    'We hiked up the hill and ate sandwiches at the top.',
    'After walking to the top of the hill, we had a picnic.',
  ],
  [
    4.8,
    'She photographed the harbour at dawn with a long lens.',
    'At sunrise she took pictures of the harbour using a telephoto lens.',
  ],
  [
    4.5,
    'The young player beat the champion in twenty-two moves.',
    'The champion was defeated by the young player in just over twenty moves.',
  ],
  [
    4.8,
    'The sailors lowered the sails and started the engine as the wind died.',
    'When the wind dropped, the crew took down the sails and used the motor.',
  ],
  [
    4.5,
    'Pupils must bring a packed lunch on the school trip.',
    'Students need to take their own lunch on the trip.',
  ],
  [
    4.5,
    'He rode his bike across the city in forty minutes.',
    'It took him about forty minutes to cycle across town.',
  ],
  [
    5,
    'The café gives a free coffee to anyone who brings their own cup.',
    'Anyone who brings their own cup gets a free coffee at the café.',
  ],
  [
    4.5,
    'The librarian found me a rare copy of the old atlas.',
    'A rare edition of the atlas was located for me by the librarian.',
  ],
  [
    4.2,
    'The farmer moved his sheep to the upper field after lambing.',
    'After the lambs were born, the sheep were taken to the higher pasture.',
  ],
  [
    4,
    'She painted a small watercolour of the bridge at sunset.',
    'Her watercolour shows the bridge in the evening light.',
  ],
  [
    5,
    'The plumber replaced the cracked pipe under the bath.',
    'The cracked pipe beneath the bath was replaced by a plumber.',
  ],
  [
    4.5,
    'Heavy snow is forecast for the mountains this weekend.',
    'The mountains should get a lot of snow on Saturday and Sunday.',
  ],
  [
    4.5,
    'The striker has scored in each of his last six matches.',
    'He has found the net in every one of his past six games.',
  ],
  [
    4.8,
    'My new phone takes much better pictures at night than the old one.',
    'Night photos from my new phone are far better than from my previous one.',
  ],
  [
    5,
    'The cat knocked my coffee mug off the desk.',
    'My mug of coffee was pushed off the desk by the cat.',
  ],
  [
    4,
    'Astronomers spotted a new comet heading towards the inner solar system.',
    'A newly discovered comet is moving towards the sun.',
  ],
  [
    5,
    'The bank will close its village branch next spring.',
    "Next spring, the bank's branch in the village is shutting down.",
  ],
  [
    4.5,
    'The compiler is faster now that the cache is enabled.',
    'Turning on the cache made compilation quicker.',
  ],
  [
    4.2,
    'He dropped his violin case on the way to the concert, but the instrument was fine.',
    'His violin survived being dropped on the way to the concert.',
  ],
  [
    5,
    'The patient was given a blood transfusion after losing a lot of blood.',
    'After heavy blood loss, the patient received a transfusion.',
  ],
  [
    4.5,
    'We waited an hour at the station because of a broken-down freight train.',
    'A freight train failure left us stuck at the station for about an hour.',
  ],
  [
    4.8,
    'The school will start teaching Mandarin next year.',
    "Mandarin lessons are being added to the school's timetable next year.",
  ],
  [
    4.2,
    'Grind the beans coarsely if you are using a French press.',
    'A French press needs coarsely ground coffee.',
  ],
]);
