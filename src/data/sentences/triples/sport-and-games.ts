import type { NliTriple } from '../types';
import { triplesFromRows } from './from-rows';

/** Triples about football, cycling and chess. */
export const sportAndGamesTriples: readonly NliTriple[] = [
  ...triplesFromRows('football', [
    [
      'The home team won three goals to one on Saturday.',
      'The home team won their match.',
      'The home team lost the match on Saturday.',
    ],
    [
      'The striker missed the penalty in the final minute.',
      'The penalty was not scored.',
      'The striker scored the penalty in the final minute.',
    ],
    [
      'The match was called off because the pitch was waterlogged.',
      'The game did not take place.',
      'The match went ahead on a dry pitch.',
    ],
    [
      'Our goalkeeper has not conceded a goal in five games.',
      'The goalkeeper has kept several clean sheets.',
      'Our goalkeeper let in three goals last game.',
    ],
    [
      'The stadium was half empty for the midweek fixture.',
      'Many seats were empty.',
      'Every seat in the stadium was taken for the midweek game.',
    ],
    [
      'The captain was injured and missed the final.',
      'The captain did not play in the final.',
      'The captain played the full ninety minutes of the final.',
    ],
    [
      'The club sold its best player to a rival.',
      'The best player left the club.',
      'The club refused to sell its best player to anyone.',
    ],
    [
      'The referee sent off two players in the first half.',
      'Two players received red cards.',
      'Nobody was sent off during the whole match.',
    ],
    [
      'The young striker scored on his debut.',
      'He scored in his first game.',
      'The young striker failed to score on his debut.',
    ],
    [
      'The team has been relegated after a poor season.',
      'The team will play in a lower league.',
      'The team was promoted after a brilliant season.',
    ],
    [
      'The fans booed the players off at half time.',
      'The supporters were unhappy.',
      'The fans applauded the players off at half time.',
    ],
    [
      'The final was decided by a penalty shootout.',
      'Penalties were needed to decide the final.',
      'The final was won comfortably in normal time.',
    ],
    [
      'The coach has been in charge for ten years.',
      'The coach has a long tenure.',
      'The coach was appointed only last month.',
    ],
    [
      "The women's team drew with the league leaders.",
      'Neither side won the match.',
      "The women's team beat the league leaders.",
    ],
    [
      'He headed the ball into the net from a corner.',
      'He scored with a header.',
      'He kicked the ball wide from the corner.',
    ],
  ]),
  ...triplesFromRows('cycling', [
    [
      'She rode her bike to work in the pouring rain.',
      'She cycled to work.',
      'She took the bus to work because of the rain.',
    ],
    [
      'The race was won by a rider who attacked on the final climb.',
      'The winner attacked on the last climb.',
      'The race was won in a bunch sprint on flat roads.',
    ],
    [
      'His bike was stolen from outside the library.',
      'Someone took his bike.',
      'His bike was still outside the library when he returned.',
    ],
    [
      'The front tyre went flat ten miles from home.',
      'He had a puncture.',
      'The tyres stayed fully inflated the whole way.',
    ],
    [
      'The city has built fifty miles of new cycle lanes.',
      'New bike lanes were added.',
      'The city removed all of its cycle lanes.',
    ],
    [
      'He crashed on the descent and broke his wrist.',
      'He was injured in a fall.',
      'He rode down the descent without any trouble.',
    ],
    [
      'The electric bike helped her climb the steep hill easily.',
      'The hill was easy with the e-bike.',
      'She had to push the electric bike up the hill.',
    ],
    [
      'The club ride was cancelled because of ice on the roads.',
      'The roads were icy.',
      'The club ride went ahead on dry roads.',
    ],
    [
      'The team leader finished first in the time trial.',
      'The team leader won the time trial.',
      'The team leader came last in the time trial.',
    ],
    [
      'He rides a heavy old bike with only three gears.',
      'His bike has few gears.',
      'He rides a light new bike with twenty gears.',
    ],
    [
      'The cycle path along the river is closed for repairs.',
      'The path is not open.',
      'The cycle path along the river is open as usual.',
    ],
    [
      'The children cycled to school together every morning.',
      'The children went to school by bike.',
      'The children were driven to school every morning.',
    ],
    [
      'The brakes failed as he came down the hill.',
      'His brakes stopped working.',
      'His brakes worked perfectly on the way down.',
    ],
    [
      'She completed the hundred-mile ride in seven hours.',
      'She finished a long ride.',
      'She gave up after twenty miles of the ride.',
    ],
    [
      'The shop fitted new gears to my old bicycle.',
      'My bike got new gears.',
      'The shop refused to work on my old bicycle.',
    ],
  ]),
  ...triplesFromRows('chess', [
    [
      'White won the game by checkmate on move thirty.',
      'The game ended in checkmate.',
      'The game ended in a draw on move thirty.',
    ],
    [
      'She has beaten her coach in their last three games.',
      'She recently won against her coach.',
      'She has never won a game against her coach.',
    ],
    [
      'He lost his queen early but still won the game.',
      'He won despite losing his queen.',
      'He kept his queen and lost the game.',
    ],
    [
      'The tournament had over two hundred players.',
      'Many people played in the tournament.',
      'Only a handful of players entered the tournament.',
    ],
    [
      'The game was drawn by threefold repetition.',
      'The game ended in a draw.',
      'One of the players won the game.',
    ],
    [
      'He forgot to press his clock after moving.',
      'He did not press the clock.',
      'He pressed his clock straight after moving.',
    ],
    [
      'The computer found a win that the players missed.',
      'The players missed a winning move.',
      'The players found every winning move.',
    ],
    [
      'The champion resigned after a long defensive struggle.',
      'The champion lost the game.',
      'The champion won after a long defence.',
    ],
    [
      'She plays chess online every night after dinner.',
      'She plays chess regularly.',
      'She has never played chess online.',
    ],
    [
      'The club bought new clocks and boards this year.',
      'The club has new equipment.',
      'The club still uses its old boards and clocks.',
    ],
    [
      'The boy became a grandmaster at the age of fourteen.',
      'He earned the title as a teenager.',
      'The boy became a grandmaster in his forties.',
    ],
    [
      "Black castled on the queen's side.",
      'Black castled.',
      'Black never castled during the game.',
    ],
    [
      'The game lasted six hours and a hundred moves.',
      'It was a very long game.',
      'The game was over in ten quick moves.',
    ],
    [
      'He promoted his pawn to a queen and won easily.',
      'A pawn was promoted.',
      'His pawn was captured before it could be promoted.',
    ],
    [
      'The players shook hands before the first move.',
      'They shook hands at the start.',
      'The players refused to shake hands.',
    ],
  ]),
];
