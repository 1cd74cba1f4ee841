# statistics: exact means and variances to the last bit, medians, modes, quantiles, regression, and the errors.
import statistics as st
from statistics import StatisticsError
data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(st.mean([1, 2, 3, 4]), st.mean([1, 2, 3]), st.mean([1.1, 2.2, 3.3]), st.mean(data), st.mean([True, 3]))
print(st.fmean([1.1, 2.2, 3.3]), st.fmean([1, 2, 3], weights=[3, 2, 1]), st.fmean(iter([0.1] * 10)))
print(st.median([1, 3, 5]), st.median([1, 3, 5, 7]), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]))
print(st.median_grouped([52, 52, 53, 54]), st.median_grouped([1, 3, 3, 5, 7], interval=2))
print(st.mode([1, 1, 2, 3, 3, 3, 3, 4]), st.mode(["red", "blue", "blue", "red"]), st.multimode("aabbbbccddddeeffffgg"), st.multimode([]))
print(st.variance(data), st.variance([1, 2, 3, 4, 5]), st.variance([1, 2, 3, 4]), st.pvariance([0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25]))
print(st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.stdev([1, 2, 3, 4, 5]))
print(st.variance(data, st.mean(data)), st.pvariance([1, 2, 3], 2))
print(st.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104], n=10))
print(st.quantiles([1, 2, 3, 4, 5], n=4, method='inclusive'), st.quantiles([1.5, 2.5], n=3))
print(st.harmonic_mean([40, 60]), st.harmonic_mean([40, 60], weights=[5, 30]), st.harmonic_mean([2.5, 3, 10]), st.harmonic_mean([0, 5]))
print(st.covariance([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 1, 2, 3, 1, 2, 3]), st.correlation([1, 2, 3, 4, 5, 6, 7, 8, 9], [9, 8, 7, 6, 5, 4, 3, 2, 1]))
r = st.linear_regression([1, 2, 3, 4, 5], [3, 5, 7, 9, 11.5])
print(r, r.slope, r.intercept, st.linear_regression([1, 2, 3], [2, 4, 6], proportional=True))
for f, a in [(st.mean, []), (st.median, []), (st.mode, []), (st.variance, [1]), (st.stdev, [1]), (st.pvariance, []), (st.fmean, []), (st.quantiles, [1]), (st.harmonic_mean, [-1, 2]), (st.harmonic_mean, [])]:
    try:
        f(a)
    except StatisticsError as e:
        print(f.__name__, "->", e, isinstance(e, ValueError))
try:
    st.mean(["a"])
except TypeError as e:
    print(e)
try:
    st.correlation([1, 1], [2, 3])
except StatisticsError as e:
    print(e)
print(st.mean([float("inf"), 1]), st.variance([0.1, 0.2, 0.3]), st.stdev([0.1, 0.2, 0.3]), st.mean([10**20, 1, 0.5]))
