import type { NliTriple } from '../types';
import { triplesFromRows } from './from-rows';

/** Triples about music, photography, painting and books. */
export const artsTriples: readonly NliTriple[] = [
  ...triplesFromRows('music', [
    [
      'The band played for three hours without a break.',
      'The band played a long set.',
      'The band played for twenty minutes and left.',
    ],
    [
      'She has played the violin since she was five.',
      'She started the violin as a young child.',
      'She picked up a violin for the first time last year.',
    ],
    [
      'The concert was cancelled because the singer lost her voice.',
      'The concert did not happen.',
      'The concert went ahead and the singer was in fine voice.',
    ],
    [
      'The piano in the hall is badly out of tune.',
      'The piano needs tuning.',
      'The piano in the hall was tuned perfectly this morning.',
    ],
    [
      'He cannot read music but plays everything by ear.',
      'He plays without reading notation.',
      'He reads sheet music fluently and never plays by ear.',
    ],
    [
      'The orchestra performed to a packed hall.',
      'Many people attended the performance.',
      'The orchestra played to an empty hall.',
    ],
    [
      'Their new album went straight to number one.',
      'The album topped the charts.',
      'Their new album failed to enter the charts.',
    ],
    [
      'The choir rehearses every Thursday evening.',
      'The choir meets weekly.',
      'The choir has not rehearsed for months.',
    ],
    [
      'The guitarist broke two strings during the first song.',
      'Strings broke during the show.',
      'The guitarist played the whole show without any problems.',
    ],
    [
      'The festival has been held every summer since 1970.',
      'The festival has a long history.',
      "This summer's festival is the very first one.",
    ],
    [
      'The drummer left the band after the tour.',
      'The band lost its drummer.',
      'The drummer stayed with the band after the tour.',
    ],
    [
      'The song is played entirely on acoustic instruments.',
      'No electric instruments are used.',
      'The song relies on electric guitars and synthesisers.',
    ],
    [
      'The tickets for the show were free.',
      'Nobody paid to see the show.',
      'The tickets for the show were very expensive.',
    ],
    [
      'He practises the trumpet in the garden shed.',
      'He plays the trumpet.',
      'He has never played a brass instrument.',
    ],
    [
      'The audience sat in silence until the last note faded.',
      'The audience was quiet.',
      'The audience talked loudly throughout the piece.',
    ],
  ]),
  ...triplesFromRows('photography', [
    [
      'She took the photo with an old film camera.',
      'The photo was taken on film.',
      'She took the photo on her phone.',
    ],
    [
      'The picture is out of focus and too dark.',
      'The picture is poor quality.',
      'The picture is sharp and well exposed.',
    ],
    [
      'He photographs birds from a hide by the lake.',
      'He takes pictures of birds.',
      'He only photographs buildings in the city.',
    ],
    [
      'The camera fell into the river and stopped working.',
      'The camera was damaged.',
      'The camera survived the river and still works perfectly.',
    ],
    [
      'Her photo won first prize in the national competition.',
      'Her photo won an award.',
      'Her photo was rejected from the national competition.',
    ],
    [
      'The exhibition shows only black and white prints.',
      'There are no colour photos in the show.',
      'The exhibition is made up of colour prints.',
    ],
    [
      'He used a flash because the room was dark.',
      'The room lacked light.',
      'He did not need a flash in the bright room.',
    ],
    [
      'The wedding photos arrived three months late.',
      'The photos were delayed.',
      'The wedding photos arrived the next day.',
    ],
    [
      'She shoots everything in raw format.',
      'She uses raw files.',
      'She only ever saves compressed files.',
    ],
    [
      'The portrait was taken in soft window light.',
      'Natural light was used for the portrait.',
      'The portrait was lit by a harsh studio flash.',
    ],
    [
      'The memory card was full after the first morning.',
      'The card filled up quickly.',
      'The memory card was nearly empty at the end of the day.',
    ],
    [
      'He sold his camera and gave up photography.',
      'He no longer takes photos.',
      'He bought another camera and photographs every day.',
    ],
    [
      'The photographer asked everyone to smile.',
      'People were asked to smile.',
      'The photographer asked everyone to look serious.',
    ],
    [
      'The landscape was photographed at sunrise.',
      'The photo was taken early in the morning.',
      'The landscape was photographed at midnight.',
    ],
    [
      'She deleted all the blurry shots from the trip.',
      'The blurry photos were removed.',
      'She kept every blurry shot from the trip.',
    ],
  ]),
  ...triplesFromRows('painting', [
    [
      'He painted the portrait in oils over several months.',
      'The portrait is an oil painting.',
      'He painted the portrait in watercolour in one afternoon.',
    ],
    [
      'The gallery sold every painting in the show.',
      'All the works were sold.',
      'Not a single painting in the show was sold.',
    ],
    [
      'She has never had any formal art training.',
      'She is self-taught.',
      'She studied painting at art school for four years.',
    ],
    [
      'The mural was painted over by the new owners.',
      'The mural is no longer visible.',
      'The new owners carefully restored the mural.',
    ],
    [
      'The painting hangs in the national museum.',
      'The painting is in a museum.',
      'The painting is kept in a private house.',
    ],
    [
      'The colours in the picture are bright and cheerful.',
      'The picture is colourful.',
      'The picture uses only dull browns and greys.',
    ],
    [
      'He paints only at night under artificial light.',
      'He paints in the evening.',
      'He paints only in natural daylight.',
    ],
    [
      'The art class was full, so she joined the waiting list.',
      'She could not get a place straight away.',
      'She got a place in the art class immediately.',
    ],
    [
      'The painting was found to be a forgery.',
      'The painting is not genuine.',
      'Experts confirmed the painting is an original.',
    ],
    [
      'She sketched the scene quickly in pencil.',
      'She made a pencil drawing.',
      'She spent weeks painting the scene in oils.',
    ],
    [
      'The artist uses only three colours in her work.',
      'Her palette is limited.',
      'The artist uses dozens of colours in every work.',
    ],
    [
      'The exhibition closes next Sunday.',
      'The exhibition is ending soon.',
      'The exhibition will run for another year.',
    ],
    [
      'The canvas is almost two metres wide.',
      'The canvas is large.',
      'The canvas is no bigger than a postcard.',
    ],
    [
      'He gave the painting to his sister as a gift.',
      'His sister received the painting.',
      'He sold the painting to a stranger.',
    ],
    [
      'The restorers cleaned the painting and the sky turned blue again.',
      'The cleaning revealed a blue sky.',
      'The cleaning made the sky darker and browner.',
    ],
  ]),
  ...triplesFromRows('books', [
    [
      'She finished reading the book in a single night.',
      'She read the book quickly.',
      'She gave up on the book after one chapter.',
    ],
    [
      'The library closed its doors for the last time in June.',
      'The library shut down.',
      'The library reopened with longer hours in June.',
    ],
    [
      'His novel was rejected by every publisher he tried.',
      'Nobody agreed to publish his novel.',
      'His novel was accepted by the first publisher he tried.',
    ],
    [
      'The book has sold over a million copies.',
      'The book sold very well.',
      'The book sold only a few hundred copies.',
    ],
    [
      'The bookshop sells only second-hand books.',
      'The books in the shop are used.',
      'The bookshop sells only brand new books.',
    ],
    [
      'The author wrote the book while working as a nurse.',
      'The author had another job.',
      'The author had no job other than writing.',
    ],
    [
      'He borrowed three books and returned them late.',
      'He returned the books after the due date.',
      'He returned the three books early.',
    ],
    [
      'The story is told from the point of view of a dog.',
      'A dog narrates the story.',
      'The story is narrated by an old man.',
    ],
    [
      'The poetry collection is her first published book.',
      'She has published a book.',
      'She has never published anything.',
    ],
    [
      'The sequel is much shorter than the first book.',
      'The first book is longer than the sequel.',
      'The sequel is twice as long as the first book.',
    ],
    [
      "The children's book has no words, only pictures.",
      'The book is told through pictures.',
      "The children's book has no illustrations.",
    ],
    [
      'The book club chose a thriller for this month.',
      "This month's book is a thriller.",
      'The book club chose a book of poems this month.',
    ],
    [
      'The novel was banned in several countries.',
      'Some countries did not allow the novel.',
      'The novel was freely available everywhere.',
    ],
    [
      'He reads in French to practise the language.',
      'He reads books in French.',
      'He only reads books in English.',
    ],
    [
      "The library's copy of the book is missing pages.",
      'The library copy is incomplete.',
      "The library's copy is in perfect condition.",
    ],
  ]),
];
