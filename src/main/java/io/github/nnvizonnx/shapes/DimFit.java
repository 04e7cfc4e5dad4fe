package io.github.nnvizonnx.shapes;

import io.github.nnvizonnx.model.Dim;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * One measured dim written as a function of the free dims: its size in the base run and in each run where one free
 * dim was perturbed. A size no perturbation changes is a number; one that changes follows the simple forms a reader
 * recognises ({@code L}, {@code L+1}, {@code H/32}, {@code 12*L}, {@code B*L}). A size that changes in no such way is
 * unknown: neither a number nor a symbol would be true.
 */
final class DimFit {
    /** The largest denominator written in a ratio ({@code H/32}, {@code L*3/4}); beyond it, exporters' noise. */
    private static final long MAX_DENOMINATOR = 1024;

    private DimFit() {
    }

    /** {@code sizes.get(i)}: the dim's size in the run where {@code free.get(i)} was perturbed. */
    static Dim fit(long base, List<FreeDim> free, List<Long> sizes) {
        List<Integer> varying = new ArrayList<>();
        for (int i = 0; i < free.size(); i++) {
            if (sizes.get(i) != base) {
                varying.add(i);
            }
        }
        if (varying.isEmpty()) {
            return Dim.of(base);
        }
        if (varying.size() == 1) {
            int i = varying.get(0);
            String affine = affine(free.get(i), base, sizes.get(i));
            return affine == null ? Dim.UNKNOWN : Dim.symbolic(affine);
        }
        String product = product(base, free, sizes, varying);
        return product == null ? Dim.UNKNOWN : Dim.symbolic(product);
    }

    /** {@code a*s+b} through the two measured points, when a is n or 1/n or a small ratio and b is whole. */
    static String affine(FreeDim s, long base, long perturbed) {
        Ratio a = Ratio.of(perturbed - base, s.perturbed() - s.base());
        if (a.numerator().signum() <= 0 || a.denominator().longValue() > MAX_DENOMINATOR) {
            return null;
        }
        // b = base - a * s.base must be whole
        BigInteger scaled = a.numerator().multiply(BigInteger.valueOf(s.base()));
        if (scaled.mod(a.denominator()).signum() != 0) {
            return null;
        }
        long b = base - scaled.divide(a.denominator()).longValueExact();
        return scaledSymbol(s.name(), a) + offset(b);
    }

    /** {@code c * Π s} over the varying dims, c whole or 1/n, checked against every run. */
    private static String product(long base, List<FreeDim> free, List<Long> sizes, List<Integer> varying) {
        BigInteger baseProduct = BigInteger.ONE;
        for (int i : varying) {
            baseProduct = baseProduct.multiply(BigInteger.valueOf(free.get(i).base()));
        }
        Ratio c = Ratio.of(BigInteger.valueOf(base), baseProduct);
        if (c.numerator().signum() <= 0 || c.denominator().longValue() > MAX_DENOMINATOR) {
            return null;
        }
        for (int i : varying) {
            BigInteger product = baseProduct.divide(BigInteger.valueOf(free.get(i).base()))
                    .multiply(BigInteger.valueOf(free.get(i).perturbed()));
            BigInteger expected = product.multiply(c.numerator());
            if (!expected.equals(BigInteger.valueOf(sizes.get(i)).multiply(c.denominator()))) {
                return null;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i : varying) {
            text.append(text.length() == 0 ? "" : "*").append(free.get(i).name());
        }
        return scaledSymbol(text.toString(), c);
    }

    private static String scaledSymbol(String symbol, Ratio a) {
        String times = a.numerator().equals(BigInteger.ONE) ? symbol : symbol + "*" + a.numerator();
        return a.denominator().equals(BigInteger.ONE) ? times : times + "/" + a.denominator();
    }

    private static String offset(long b) {
        return b == 0 ? "" : b > 0 ? "+" + b : Long.toString(b);
    }

    /** A fraction in lowest terms with a positive denominator. */
    private record Ratio(BigInteger numerator, BigInteger denominator) {
        static Ratio of(long numerator, long denominator) {
            return of(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
        }

        static Ratio of(BigInteger numerator, BigInteger denominator) {
            if (denominator.signum() < 0) {
                numerator = numerator.negate();
                denominator = denominator.negate();
            }
            BigInteger gcd = numerator.gcd(denominator);
            return gcd.signum() == 0 ? new Ratio(numerator, denominator)
                    : new Ratio(numerator.divide(gcd), denominator.divide(gcd));
        }
    }
}
