/** A bundled gazetteer of common US first names (SSA popularity lists, written by hand), used by the person recogniser. */

/**
 * Common first names, lower-case words of the list below. Names that are also months or everyday
 * capitalised words (April, June, August, May, Bill, Art, Will) are left out on purpose: they cause more
 * false positives than they find.
 */
export const FIRST_NAMES: ReadonlySet<string> = new Set(
  `
aaron abigail adam adrian aisha alan albert alex alexander alexandra alexis alice alicia allison amanda amber amy
ana andrea andrew angela anna anne anthony antonio ashley austin barbara benjamin betty beverly brandon brenda
brian brittany bruce bryan caleb cameron carl carlos carol carolyn catherine charles charlotte cheryl chloe
christian christina christine christopher cynthia daniel danielle david deborah debra denise dennis diana diane
donald donna dorothy douglas dylan edward elijah elizabeth ella emily emma eric ethan eugene evelyn fatima frances
frank gabriel gary george gerald gloria gregory hannah harold heather helen henry isaac isabella jack jacob
jacqueline james janet janice jason jean jeffrey jennifer jeremy jerry jesse jessica joan joe john johnny jonathan
jordan jose joseph joshua joyce juan judith judy julia julie justin karen katherine kathleen kathryn kayla keith
kelly kenneth kevin kimberly kyle larry laura lauren lawrence leah linda lisa logan lori louis lucas luis madison
margaret maria marie marilyn martha mary mason matthew megan melissa mia michael michelle mohammed muhammad
nancy natalie nathan nicholas nicole noah olivia pamela patricia patrick paul peter philip priya rachel ralph
raymond rebecca richard robert roger ronald rose roy russell ruth ryan samantha samuel sandra sara sarah scott
sean sharon shirley sophia stephanie stephen steven susan teresa terry theresa thomas timothy tyler victoria
vincent virginia walter wayne william willie zachary
ahmed ali amir anil chen deepak fernando giovanni hiroshi ivan jamal javier kenji lakshmi li maria mei miguel
olga omar pablo raj ravi rosa sanjay sergei wei yuki zhang
`
    .split(/\s+/)
    .filter(Boolean),
);

/** Capitalised words that end a name candidate: places, organisations, calendar words, street suffixes. */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set(
  `
street st avenue ave road rd boulevard blvd lane ln drive court ct way place pl parkway highway
university college school hospital center centre inc corp corporation llc ltd company co group bank
county city state river lake mountain park island beach airport base fort camp
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december the and of for
`
    .split(/\s+/)
    .filter(Boolean),
);
