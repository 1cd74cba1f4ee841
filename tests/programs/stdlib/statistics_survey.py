# statistics: which names exist, and what each gives for sample inputs.
import statistics as st
names = ["mean", "fmean", "geometric_mean", "harmonic_mean", "median", "median_low", "median_high",
         "median_grouped", "mode", "multimode", "quantiles", "pstdev", "pvariance", "stdev",
         "variance", "covariance", "correlation", "linear_regression", "StatisticsError"]
for name in names:
    print(name, hasattr(st, name))
data = [[1, 2, 3, 4], [2.5, 3.25, 5.5, 11.25, 0.1], [1, 1, 2, 3, 3, 3, 7], [0.1] * 7, [10**18, 1, 3]]
for d in data:
    for f in [st.mean, st.fmean, st.median, st.median_low, st.median_high, st.median_grouped,
              st.mode, st.multimode, st.pstdev, st.pvariance, st.stdev, st.variance,
              st.harmonic_mean, st.geometric_mean, st.quantiles]:
        try:
            print(f.__name__, d, f(d))
        except st.StatisticsError as e:
            print(f.__name__, d, "StatisticsError", e)
print(st.covariance([1, 2, 3], [1, 2, 4]), st.correlation([1, 2, 3], [3, 1, 2]), st.linear_regression([1, 2, 3], [2, 4, 7]))
