package fi.voimala.outcomes.outcome.statistics;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The sufficient sums of before/after pairs of one score, as the database keeps them: a person's pair is added
 * when it is complete and subtracted when an answer is corrected or withdrawn, so no list of people is needed
 * to show the statistics. All arithmetic is exact BigDecimal, so adding and later subtracting a person leaves
 * exactly what was there.
 *
 * <p>The sums are kept without trailing zeros (and never with a negative scale), so that equal numbers are equal
 * records whatever scale they were computed in: 1.50 + 0.5 − 0.5 is 1.5 either way. A PairedSums may also be a
 * delta with negative counts ({@code EMPTY.minus(person)}); only {@link PairedStatistics} insists on real counts.
 *
 * @param reachingMid how many people changed in the better direction by at least the minimal important
 *                    difference; always 0 for a score without one
 */
public record PairedSums(
        long n,
        BigDecimal sumBefore,
        BigDecimal sumAfter,
        BigDecimal sumBeforeSquares,
        BigDecimal sumAfterSquares,
        BigDecimal sumChange,
        BigDecimal sumChangeSquares,
        long reachingMid) {

    public static final PairedSums EMPTY = new PairedSums(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0);

    public PairedSums {
        // Counts may be negative: EMPTY.minus(person) is a delta that a later plus() applies.
        sumBefore = canonical(sumBefore, "sumBefore");
        sumAfter = canonical(sumAfter, "sumAfter");
        sumBeforeSquares = canonical(sumBeforeSquares, "sumBeforeSquares");
        sumAfterSquares = canonical(sumAfterSquares, "sumAfterSquares");
        sumChange = canonical(sumChange, "sumChange");
        sumChangeSquares = canonical(sumChangeSquares, "sumChangeSquares");
    }

    /**
     * One person's pair. Change is {@code after − before}; the person reaches the MID when the change in the
     * better direction is at least {@code mid}.
     *
     * @param mid the score's minimal important difference, or null when none is known (then never reached)
     */
    public static PairedSums of(BigDecimal before, BigDecimal after, BigDecimal mid, boolean higherIsBetter) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        BigDecimal change = after.subtract(before);
        BigDecimal better = higherIsBetter ? change : change.negate();
        long reaching = mid != null && better.compareTo(mid) >= 0 ? 1 : 0;
        return new PairedSums(1, before, after, before.multiply(before), after.multiply(after), change,
                change.multiply(change), reaching);
    }

    public PairedSums plus(PairedSums o) {
        return new PairedSums(n + o.n, sumBefore.add(o.sumBefore), sumAfter.add(o.sumAfter),
                sumBeforeSquares.add(o.sumBeforeSquares), sumAfterSquares.add(o.sumAfterSquares),
                sumChange.add(o.sumChange), sumChangeSquares.add(o.sumChangeSquares), reachingMid + o.reachingMid);
    }

    public PairedSums minus(PairedSums o) {
        return new PairedSums(n - o.n, sumBefore.subtract(o.sumBefore), sumAfter.subtract(o.sumAfter),
                sumBeforeSquares.subtract(o.sumBeforeSquares), sumAfterSquares.subtract(o.sumAfterSquares),
                sumChange.subtract(o.sumChange), sumChangeSquares.subtract(o.sumChangeSquares),
                reachingMid - o.reachingMid);
    }

    /** The one representation of a number with no trailing zeros and no exponent: 1.50 → 1.5, 100 stays 100. */
    private static BigDecimal canonical(BigDecimal value, String name) {
        BigDecimal stripped = Objects.requireNonNull(value, name).stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
