/**
 * The sacrebleu release whose behaviour BLEU, chrF/chrF++ and TER reproduce, and whose number the
 * signature strings carry (`version:2.6.0`): the committed fixtures were made with it.
 *
 * @example
 * SACREBLEU_VERSION; // '2.6.0'
 */
export const SACREBLEU_VERSION = '2.6.0';
