package org.pgj.examples.similarity;

import org.pgj.guc.BoolSetting;
import org.pgj.guc.EnumSetting;
import org.pgj.guc.GucSettings;
import org.pgj.guc.Gucs;
import org.pgj.guc.RealSetting;

/**
 * The original's settings, with its names, defaults and bounds: per measure a threshold (what its
 * operator compares against), whether its function returns a normalized value, and for the
 * token-based measures a tokenizer. Every setting is USERSET, as in the original.
 */
@GucSettings("pg_similarity")
public interface SimilaritySettings {
    /** The current values, read at each call so that a SET is seen by the next one. */
    SimilaritySettings CURRENT = Gucs.of(SimilaritySettings.class);

    @EnumSetting(defaultValue = "ALNUM",
            description = "Sets the tokenizer for Block similarity function.")
    Tokenizer blockTokenizer();

    @RealSetting(defaultValue = 0.7, min = 0.0, max = 1.0,
            description = "Sets the threshold used by the Block similarity function.")
    double blockThreshold();

    @BoolSetting(defaultValue = true,
            description = "Sets if the result value is normalized or not.")
    boolean blockIsNormalized();

    @EnumSetting(defaultValue = "ALNUM",
            description = "Sets the tokenizer for Cosine similarity function.")
    Tokenizer cosineTokenizer();

    @RealSetting(defaultValue = 0.7, min = 0.0, max = 1.0,
            description = "Sets the threshold used by the Cosine similarity function.")
    double cosineThreshold();

    @BoolSetting(defaultValue = true,
            description = "Sets if the result value is normalized or not.")
    boolean cosineIsNormalized();

    @EnumSetting(defaultValue = "ALNUM",
            description = "Sets the tokenizer for Dice similarity measure.")
    Tokenizer diceTokenizer();

    @RealSetting(defaultValue = 0.7, min = 0.0, max = 1.0,
            description = "Sets the threshold used by the Dice similarity measure.")
    double diceThreshold();

    @BoolSetting(defaultValue = true,
            description = "Sets if the result value is normalized or not.")
    boolean diceIsNormalized();

    @EnumSetting(defaultValue = "ALNUM",
            description = "Sets the tokenizer for Euclidean similarity measure.")
    Tokenizer euclideanTokenizer();

    @RealSetting(defaultValue = 0.7, min = 0.0, max = 1.0,
            description = "Sets the threshold used by the Euclidean similarity measure.")
    double euclideanThreshold();

    @BoolSetting(defaultValue = true,
            description = "Sets if the result value is normalized or not.")
    boolean euclideanIsNormalized();

    @RealSetting(defaultValue = 0.7, min = 0.0, max = 1.0,
            description = "Sets the threshold used by the Hamming distance.")
    double hammingThreshold();

    @BoolSetting(defaultValue = true,
            description = "Sets if the result value is normalized or not.")
    boolean hammingIsNormalized();

    @EnumSetting(defaultValue = "ALNUM",
            description = "Sets the tokenizer for Jaccard similarity measure.")
    Tokenizer jaccardTokenizer();

    @RealSetting(defaultValue = 0.7, min = 0.0, max = 1.0,
            description = "Sets the threshold used by the Jaccard similarity measure.")
    double jaccardThreshold();

    @BoolSetting(defaultValue = true,
            description = "Sets if the result value is normalized or not.")
    boolean jaccardIsNormalized();

    @RealSetting(defaultValue = 0.7, min = 0.0, max = 1.0,
            description = "Sets the threshold used by the Jaro similarity measure.")
    double jaroThreshold();

    @BoolSetting(defaultValue = true,
            description = "Sets if the result value is normalized or not.")
    boolean jaroIsNormalized();

    @RealSetting(defaultValue = 0.7, min = 0.0, max = 1.0,
            description = "Sets the threshold used by the Jaro-Winkler similarity measure.")
    double jarowinklerThreshold();

    @BoolSetting(defaultValue = true,
            description = "Sets if the result value is normalized or not.")
    boolean jarowinklerIsNormalized();

    @RealSetting(defaultValue = 0.7, min = 0.0, max = 1.0,
            description = "Sets the threshold used by the Levenshtein similarity measure.")
    double levenshteinThreshold();

    @BoolSetting(defaultValue = true,
            description = "Sets if the result value is normalized or not.")
    boolean levenshteinIsNormalized();

    @EnumSetting(defaultValue = "ALNUM",
            description = "Sets the tokenizer for Matching Coefficient similarity measure.")
    Tokenizer matchingTokenizer();

    @RealSetting(defaultValue = 0.7, min = 0.0, max = 1.0,
            description = "Sets the threshold used by the Matching Coefficient similarity measure.")
    double matchingThreshold();

    @BoolSetting(defaultValue = true,
            description = "Sets if the result value is normalized or not.")
    boolean matchingIsNormalized();

    @EnumSetting(defaultValue = "ALNUM",
            description = "Sets the tokenizer for Monge-Elkan similarity measure.")
    Tokenizer mongeelkanTokenizer();

    @RealSetting(defaultValue = 0.7, min = 0.0, max = 1.0,
            description = "Sets the threshold used by the Monge-Elkan similarity measure.")
    double mongeelkanThreshold();

    @BoolSetting(defaultValue = true,
            description = "Sets if the result value is normalized or not.")
    boolean mongeelkanIsNormalized();

    @RealSetting(defaultValue = 0.7, min = 0.0, max = 1.0,
            description = "Sets the threshold used by the Needleman-Wunsch similarity measure.")
    double nwThreshold();

    @BoolSetting(defaultValue = true,
            description = "Sets if the result value is normalized or not.")
    boolean nwIsNormalized();

    /** The original's bounds are C's LONG_MIN and LONG_MAX. */
    @RealSetting(defaultValue = -5.0, min = Long.MIN_VALUE, max = Long.MAX_VALUE,
            description = "Sets the gap penalty used by the Needleman-Wunsch similarity measure.")
    double nwGapPenalty();

    @EnumSetting(defaultValue = "ALNUM",
            description = "Sets the tokenizer for Overlap Coefficient similarity measure.")
    Tokenizer overlapTokenizer();

    @RealSetting(defaultValue = 0.7, min = 0.0, max = 1.0,
            description = "Sets the threshold used by the Overlap Coefficient similarity measure.")
    double overlapThreshold();

    @BoolSetting(defaultValue = true,
            description = "Sets if the result value is normalized or not.")
    boolean overlapIsNormalized();

    @EnumSetting(defaultValue = "GRAM",
            description = "Sets the tokenizer for Q-Gram similarity function.")
    GramTokenizer qgramTokenizer();

    @RealSetting(defaultValue = 0.7, min = 0.0, max = 1.0,
            description = "Sets the threshold used by the Q-Gram similarity function.")
    double qgramThreshold();

    @BoolSetting(defaultValue = true,
            description = "Sets if the result value is normalized or not.")
    boolean qgramIsNormalized();

    @RealSetting(defaultValue = 0.7, min = 0.0, max = 1.0,
            description = "Sets the threshold used by the Smith-Waterman similarity measure.")
    double swThreshold();

    @BoolSetting(defaultValue = true,
            description = "Sets if the result value is normalized or not.")
    boolean swIsNormalized();

    @RealSetting(defaultValue = 0.7, min = 0.0, max = 1.0,
            description = "Sets the threshold used by the Smith-Waterman-Gotoh similarity measure.")
    double swgThreshold();

    @BoolSetting(defaultValue = true,
            description = "Sets if the result value is normalized or not.")
    boolean swgIsNormalized();
}
