# statistics.NormalDist.
from statistics import NormalDist, StatisticsError

n = NormalDist(100, 15)
print(n, n.mean, n.median, n.mode, n.stdev, n.variance)
print(n.cdf(115), n.inv_cdf(0.9), n.pdf(100), n.zscore(130))
print(n.inv_cdf(0.5), n.inv_cdf(0.001), n.inv_cdf(1e-300), n.inv_cdf(0.999999))
print(n.quantiles(), n.quantiles(10))
print(n.overlap(NormalDist(110, 12)), n.overlap(NormalDist(100, 15)))
print(n + 5, n - 5, n * 2, n / 4, -n, 5 + n, 10 - n, 3 * n)
print(n + NormalDist(0, 20), n - NormalDist(10, 20))
print(n == NormalDist(100, 15), n == NormalDist(100, 16), hash(n) == hash(NormalDist(100.0, 15.0)))
print(NormalDist(), NormalDist(3))
print(NormalDist.from_samples([1, 2, 3, 4.5]), NormalDist.from_samples([2.5, 3.25, 5.5, 11.25]))
samples = NormalDist(0, 1).samples(5, seed=42)
print(samples)
for bad in [lambda: NormalDist(0, -1), lambda: NormalDist(0, 0).cdf(1), lambda: NormalDist(0, 0).pdf(1),
            lambda: n.inv_cdf(0), lambda: n.inv_cdf(1.5), lambda: NormalDist.from_samples([1]),
            lambda: n.overlap(3), lambda: NormalDist(0, 0).zscore(1)]:
    try:
        print(bad())
    except (StatisticsError, TypeError) as e:
        print(type(e).__name__, e)
