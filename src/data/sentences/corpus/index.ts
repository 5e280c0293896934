import type { TopicCorpus } from '../types';
import { astronomy } from './astronomy';
import { banking } from './banking';
import { books } from './books';
import { chess } from './chess';
import { coffee } from './coffee';
import { cooking } from './cooking';
import { cycling } from './cycling';
import { farming } from './farming';
import { football } from './football';
import { gardening } from './gardening';
import { hiking } from './hiking';
import { homeRepair } from './home-repair';
import { medicine } from './medicine';
import { music } from './music';
import { painting } from './painting';
import { pets } from './pets';
import { photography } from './photography';
import { programming } from './programming';
import { sailing } from './sailing';
import { school } from './school';
import { trainTravel } from './train-travel';
import { weather } from './weather';

/** Every topic's training sentences, in the order of `TOPICS`. */
export const CORPUS: readonly TopicCorpus[] = [
  cooking,
  weather,
  football,
  astronomy,
  banking,
  gardening,
  music,
  trainTravel,
  medicine,
  programming,
  pets,
  hiking,
  photography,
  chess,
  sailing,
  school,
  cycling,
  coffee,
  books,
  farming,
  painting,
  homeRepair,
];
