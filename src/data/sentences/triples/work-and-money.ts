import type { NliTriple } from '../types';
import { triplesFromRows } from './from-rows';

/** Triples about banking, programming, school and medicine. */
export const workAndMoneyTriples: readonly NliTriple[] = [
  ...triplesFromRows('banking', [
    [
      'The bank approved our mortgage application on Friday.',
      'We got the mortgage.',
      'The bank rejected our mortgage application.',
    ],
    [
      'He has no savings and lives from one payday to the next.',
      'He has not saved any money.',
      'He has put aside a large amount of savings.',
    ],
    [
      'The interest rate on my account went up this month.',
      'I now earn more interest.',
      'The interest rate on my account was cut this month.',
    ],
    [
      'Someone used her card details to buy goods online.',
      'Her card was used fraudulently.',
      'Nobody else has ever used her card details.',
    ],
    [
      'The local branch now opens only two days a week.',
      'The branch has reduced its opening days.',
      'The local branch is open every day of the week.',
    ],
    [
      'He paid off the entire loan last year.',
      'He no longer owes money on the loan.',
      'He still owes most of the loan.',
    ],
    [
      'The transfer arrived in my account within seconds.',
      'The money arrived quickly.',
      'The transfer took a week to arrive.',
    ],
    [
      'She is overdrawn by two hundred pounds.',
      'Her account balance is negative.',
      'She has two hundred pounds in credit.',
    ],
    [
      'The bank charges no fee for using the card abroad.',
      'Using the card abroad is free.',
      'The bank charges a large fee for foreign card payments.',
    ],
    [
      'The cash machine was out of order all weekend.',
      'The machine did not work at the weekend.',
      'The cash machine worked normally all weekend.',
    ],
    [
      'They saved for five years to buy their first house.',
      'They saved for a long time.',
      'They bought their first house without saving anything.',
    ],
    [
      'The bank closed his account after repeated missed payments.',
      'His account was closed.',
      'The bank kept his account open and raised his limit.',
    ],
    [
      'The loan must be repaid within three years.',
      'The loan has a repayment deadline.',
      'The loan never has to be repaid.',
    ],
    [
      'He checks his balance every morning on his phone.',
      'He looks at his balance daily.',
      'He never checks his bank balance.',
    ],
    [
      "The bank's app crashed on payday and nobody could log in.",
      'Customers could not use the app.',
      "The bank's app worked smoothly for everyone on payday.",
    ],
  ]),
  ...triplesFromRows('programming', [
    [
      'All the tests passed after she fixed the bug.',
      'The bug was fixed.',
      'Several tests still failed after her fix.',
    ],
    [
      'The website went down for two hours on Tuesday.',
      'The site was unavailable for a while.',
      'The website stayed online all of Tuesday.',
    ],
    [
      'He wrote the whole program in a single weekend.',
      'The program was written quickly.',
      'The program took him two years to write.',
    ],
    [
      'The code has no comments and is hard to follow.',
      'The code is difficult to understand.',
      'The code is well commented and easy to follow.',
    ],
    [
      'The new version uses half as much memory as the old one.',
      'The new version is more memory efficient.',
      'The new version uses twice as much memory.',
    ],
    [
      'The team released the update on schedule.',
      'The update came out on time.',
      'The update was released months late.',
    ],
    [
      'The function crashes when it receives an empty string.',
      'Empty input causes a crash.',
      'The function handles empty strings without problems.',
    ],
    [
      'She has been writing software for twenty years.',
      'She is an experienced programmer.',
      'She started learning to code last month.',
    ],
    [
      'The app is written entirely in TypeScript.',
      'The app uses TypeScript.',
      'The app contains no TypeScript at all.',
    ],
    [
      'The database backup failed last night.',
      'There was no successful backup last night.',
      'The database backup completed successfully last night.',
    ],
    [
      'Nobody reviewed the change before it was merged.',
      'The change was merged without review.',
      'The change was reviewed by three people before merging.',
    ],
    [
      'The script runs every hour on the server.',
      'The script runs regularly.',
      'The script has never been run on the server.',
    ],
    [
      'The bug only appears on older phones.',
      'Some phones show the bug.',
      'The bug appears on every phone, old or new.',
    ],
    [
      'He deleted the branch by mistake but recovered it.',
      'The branch was restored.',
      'The deleted branch was lost forever.',
    ],
    [
      'The page loads in under a second now.',
      'The page is fast.',
      'The page still takes half a minute to load.',
    ],
  ]),
  ...triplesFromRows('school', [
    [
      'She passed all her exams with top marks.',
      'She did well in her exams.',
      'She failed most of her exams.',
    ],
    [
      'The school was closed for a week because of snow.',
      'There were no lessons that week.',
      'The school stayed open despite the snow.',
    ],
    [
      'The teacher has taught at the school for thirty years.',
      'The teacher has been there a long time.',
      'The teacher joined the school this term.',
    ],
    [
      'He forgot his homework and got a detention.',
      'He was punished.',
      'He handed in his homework on time.',
    ],
    [
      'The class went on a trip to the science museum.',
      'The class visited a museum.',
      'The class stayed at school instead of the museum trip.',
    ],
    [
      'Only twelve students are in the advanced maths class.',
      'The maths class is small.',
      'The advanced maths class has sixty students.',
    ],
    [
      'The new gym was opened by a famous athlete.',
      'The school has a new gym.',
      'The school still has no gym.',
    ],
    [
      'She was late for school every day last week.',
      'She arrived late several times.',
      'She arrived early every day last week.',
    ],
    [
      'The pupils planted trees around the playground.',
      'Trees were planted at the school.',
      'The pupils cut down the trees around the playground.',
    ],
    [
      'Lessons start at half past eight in the morning.',
      'School begins in the morning.',
      'Lessons do not start until the afternoon.',
    ],
    [
      'He is the first in his family to go to university.',
      'He is going to university.',
      'Everyone in his family went to university before him.',
    ],
    [
      'The exam was much easier than the students expected.',
      'The exam was not as hard as feared.',
      'The exam was far harder than the students expected.',
    ],
    [
      'The teacher read the class a story every Friday afternoon.',
      'The class heard stories.',
      'The teacher never read stories to the class.',
    ],
    [
      'The school canteen stopped selling fizzy drinks.',
      'Fizzy drinks are no longer sold.',
      'The school canteen sells more fizzy drinks than ever.',
    ],
    [
      'Half the class was absent with flu.',
      'Many pupils were ill.',
      'Every pupil in the class was present and healthy.',
    ],
  ]),
  ...triplesFromRows('medicine', [
    [
      'The doctor said the test results were completely normal.',
      'The results showed nothing wrong.',
      'The doctor said the test results were worrying.',
    ],
    [
      'He has been in hospital for two weeks after the accident.',
      'He was hospitalised.',
      'He was sent home the same day after the accident.',
    ],
    [
      'The vaccine is given in two doses a month apart.',
      'The vaccine needs more than one dose.',
      'The vaccine is given as a single dose.',
    ],
    [
      'She recovered fully from the operation.',
      'She got better.',
      'She never recovered from the operation.',
    ],
    [
      'The medicine must be kept in the fridge.',
      'The medicine needs to stay cold.',
      'The medicine should be stored somewhere warm.',
    ],
    [
      'The clinic is closed on public holidays.',
      'You cannot visit the clinic on holidays.',
      'The clinic is open on every public holiday.',
    ],
    [
      'His blood pressure is dangerously high.',
      'He has high blood pressure.',
      'His blood pressure is perfectly normal.',
    ],
    [
      'The child was allergic to peanuts.',
      'Peanuts caused a reaction in the child.',
      'The child could eat peanuts without any problem.',
    ],
    [
      'The nurse gave the patient an injection for the pain.',
      'The patient received an injection.',
      'The patient was given no pain relief at all.',
    ],
    [
      'The hospital has no free beds tonight.',
      'The hospital is full.',
      'The hospital has plenty of empty beds tonight.',
    ],
    [
      'She takes a tablet for her thyroid every morning.',
      'She takes daily medication.',
      'She takes no medication of any kind.',
    ],
    [
      'The surgery was cancelled because the surgeon was ill.',
      'The operation did not happen.',
      'The surgery went ahead as planned.',
    ],
    [
      'The X-ray showed that the bone was not broken.',
      'There was no fracture.',
      'The X-ray showed a badly broken bone.',
    ],
    [
      'He has not had a cold all winter.',
      'He stayed free of colds.',
      'He has had three colds this winter.',
    ],
    [
      'The new treatment cut hospital stays by half.',
      'Patients spent less time in hospital.',
      'The new treatment made hospital stays longer.',
    ],
  ]),
];
