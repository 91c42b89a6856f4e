/** The answerer's thresholds, each with how it was calibrated. */

/**
 * Below this confidence the answerer says it does not know and offers a coordinator.
 * Calibrated on eval/questions.yaml with `npm run eval -- --sweep`: overall accuracy is flat
 * from 0.375 to 0.425 and falls off on both sides; 0.4 is the middle of that plateau, on the
 * cautious side (a wrong answer is worse than a hand-off to a coordinator).
 */
export const ANSWER_THRESHOLD = 0.4;
/**
 * What a question without any word of the domain (content/kb/thesaurus.yaml `domain:`) must reach
 * to be answered. Swept on the project's question sets: from 0.5 to 0.7 every set refuses one or
 * two more off-topic questions and answers the same answerable ones; 0.6 is the middle.
 */
export const NO_DOMAIN_THRESHOLD = 0.6;
/**
 * What a question about another service of the municipality (thesaurus.yaml `elsewhere:`: a
 * passport, a parking permit, household help) must reach to be answered. Such questions share
 * words with entries ("aanvragen", "gemeente", "vergunningen" in the wethouder's portfolio) and
 * reached 0.44 to 0.75 on the tuning sets; a question that only mentions such a thing in
 * passing and is clearly answered still is.
 */
export const ELSEWHERE_THRESHOLD = 0.8;

/*
 * A message with context around its question ("Hoi, ik ben penningmeester … Wanneer is die?")
 * reaches a lower confidence for the same question: the context's words still count a little,
 * and no entry has them. Such a message is answered from this much below the threshold. Swept
 * 0 to 0.2 on every set: from 0.05 to 0.15 two to three chatty questions more are answered
 * right on two sets and no refusal is lost anywhere; at 0.2 an on-topic question the letter
 * does not answer is answered. 0.1 is the middle. The bar for a message without a domain word
 * stays as it is.
 */
export const CONTEXT_ALLOWANCE = 0.1;
/** A second topic is shown as "Zie ook" when its confidence is at least this share of the best. */
export const SEE_ALSO_RATIO = 0.9;
export const SEE_ALSO_RANK_RATIO = 0.6;
/** Confidence at which the asker's language alone is trusted and the other is not searched. */
export const CLEAR_CONFIDENCE = 0.8;
/** A hit found in the other language's entries counts slightly less, so on a tie the asker's wins. */
export const OTHER_LANGUAGE_FACTOR = 0.97;

/**
 * Below the answer threshold but at least this sure: offered as "Bedoel je…?". Measured on the
 * project's question sets: answerable questions the bot refuses reach 0.26–0.39, weather and
 * football questions about 0.22, so this keeps the offers to questions that came close.
 */
export const ASK_BACK_CONFIDENCE = 0.25;
