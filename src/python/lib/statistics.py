"""Statistics of numeric data, with CPython 3.11's results to the last bit.

CPython computes means and variances from the data's exact rational values and rounds once at
the end. forkyard does the same with plain integer pairs (numerator, denominator): every float is
an exact binary fraction, so the sums below are exact and the one rounding is `n / d`, which is
correctly rounded for ints of any size.
"""

import math


class StatisticsError(ValueError):
    pass


_INF = float('inf')


def _exact_ratio(x):
    """x as an exact (numerator, denominator); (x, None) for an infinity or a NaN."""
    if isinstance(x, int):
        return int(x), 1
    if isinstance(x, float):
        if x != x or x == _INF or x == -_INF:
            return x, None
        n = x
        d = 1
        # Doubling a float is exact, so this reaches its integral numerator without rounding.
        while n != int(n):
            n *= 2.0
            d *= 2
        return int(n), d
    raise TypeError(f"can't convert type '{type(x).__name__}' to numerator/denominator")


def _coerce(T, S):
    """The type of a result computed from values of types T and S."""
    if T is S:
        return T
    if S is int or S is bool:
        return T
    if T is int:
        return S
    if issubclass(S, T):
        return S
    if issubclass(T, S):
        return T
    if issubclass(T, int):
        return S
    if issubclass(S, int):
        return T
    raise TypeError("don't know how to coerce %s and %s" % (T.__name__, S.__name__))


def _reduce(n, d):
    g = math.gcd(n, d)
    if g > 1:
        n //= g
        d //= g
    return n, d


def _add(a, b):
    return _reduce(a[0] * b[1] + b[0] * a[1], a[1] * b[1])


def _sum_partials(partials):
    """The exact sum of numerators grouped by denominator, as (n, d)."""
    total = (0, 1)
    for d, n in partials.items():
        total = _add(total, (n, d))
    return total


def _sum(data):
    """(type of the result, exact total, count) of the data."""
    count = 0
    types = []
    partials = {}
    nonfinite = None
    for x in data:
        typ = type(x)
        if typ not in types:
            types.append(typ)
        n, d = _exact_ratio(x)
        count += 1
        if d is None:
            nonfinite = n if nonfinite is None else nonfinite + n
        else:
            partials[d] = partials.get(d, 0) + n
    T = int
    for typ in types:
        T = _coerce(T, typ)
    if nonfinite is not None:
        return T, nonfinite, count
    return T, _sum_partials(partials), count


def _convert(value, T):
    """An exact (n, d) as a value of type T (a float when T is int and value is not integral)."""
    if isinstance(value, float):
        return value
    n, d = value
    if issubclass(T, int) and d == 1:
        return T(n)
    return n / d


def _div(value, k):
    """The exact value divided by the int k."""
    if isinstance(value, float):
        return value / k
    return _reduce(value[0], value[1] * k)


def mean(data):
    """The arithmetic mean of the data."""
    T, total, n = _sum(data)
    if n < 1:
        raise StatisticsError('mean requires at least one data point')
    return _convert(_div(total, n), T)


def _fsum(values):
    """The correctly rounded float sum of the values (what math.fsum gives)."""
    partials = {}
    nonfinite = None
    for x in values:
        n, d = _exact_ratio(x)
        if d is None:
            nonfinite = n if nonfinite is None else nonfinite + n
        else:
            partials[d] = partials.get(d, 0) + n
    if nonfinite is not None:
        return float(nonfinite)
    n, d = _sum_partials(partials)
    return n / d


def fmean(data, weights=None):
    """The arithmetic mean of the data as a float (faster than mean, not exact)."""
    data = list(data)
    n = len(data)
    if weights is None:
        total = _fsum(data)
        if not n:
            raise StatisticsError('fmean requires at least one data point')
        return total / n
    weights = list(weights)
    num = _fsum([x * w for x, w in zip(data, weights)])
    if n != len(weights):
        raise StatisticsError('data and weights must be the same length')
    den = _fsum(weights)
    if not den:
        raise StatisticsError('sum of weights must be non-zero')
    return num / den


def geometric_mean(data):
    """The geometric mean of positive data, as a float."""
    try:
        return math.exp(fmean([math.log(x) for x in data]))
    except ValueError:
        raise StatisticsError('geometric mean requires a non-empty dataset '
                              'containing positive numbers') from None


def _fail_neg(values, errmsg):
    for x in values:
        if x < 0:
            raise StatisticsError(errmsg)
        yield x


def harmonic_mean(data, weights=None):
    """The reciprocal of the mean of the reciprocals of the data."""
    if iter(data) is data:
        data = list(data)
    errmsg = 'harmonic mean does not support negative values'
    n = len(data)
    if n < 1:
        raise StatisticsError('harmonic_mean requires at least one data point')
    elif n == 1 and weights is None:
        x = data[0]
        if isinstance(x, (int, float)):
            if x < 0:
                raise StatisticsError(errmsg)
            return x
        raise TypeError('unsupported type')
    if weights is None:
        weights = [1] * n
        sum_weights = (n, 1)
    else:
        if iter(weights) is weights:
            weights = list(weights)
        if len(weights) != n:
            raise StatisticsError('Number of weights does not match data size')
        _, sum_weights, _ = _sum(_fail_neg(weights, errmsg))
    try:
        data = _fail_neg(data, errmsg)
        T, total, count = _sum([w / x if w else 0 for w, x in zip(weights, data)])
    except ZeroDivisionError:
        return 0
    if isinstance(total, float):
        if total <= 0:
            raise StatisticsError('Weighted sum must be positive')
        return _convert(sum_weights[0] / sum_weights[1] / total, T)
    if total[0] <= 0:
        raise StatisticsError('Weighted sum must be positive')
    return _convert(_reduce(sum_weights[0] * total[1], sum_weights[1] * total[0]), T)


def median(data):
    """The middle value of the data, or the mean of the two middle values."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    """The median, or the smaller of the two middle values."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    """The median, or the larger of the two middle values."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    return data[n // 2]


def median_grouped(data, interval=1.0):
    """The median of data grouped in intervals of width interval around each value."""
    data = sorted(data)
    n = len(data)
    if not n:
        raise StatisticsError('no median for empty data')
    x = data[n // 2]
    i = 0
    while data[i] < x:
        i += 1
    j = i
    while j < n and data[j] == x:
        j += 1
    try:
        interval = float(interval)
        x = float(x)
    except ValueError:
        raise TypeError('Value cannot be converted to a float')
    L = x - interval / 2.0
    return L + interval * (n / 2 - i) / (j - i)


def _counts(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    return counts


def mode(data):
    """The most common value (the first one seen, when several are as common)."""
    counts = _counts(data)
    best = None
    best_count = 0
    for value, count in counts.items():
        if count > best_count:
            best, best_count = value, count
    if not best_count:
        raise StatisticsError('no mode for empty data')
    return best


def multimode(data):
    """Every most common value, in the order first seen."""
    counts = _counts(data)
    if not counts:
        return []
    top = max(counts.values())
    return [value for value, count in counts.items() if count == top]


def quantiles(data, *, n=4, method='exclusive'):
    """n - 1 cut points dividing the data into n intervals of equal probability."""
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError('must have at least two data points')
    if method == 'inclusive':
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            result.append((data[j] * (n - delta) + data[j + 1] * delta) / n)
        return result
    if method == 'exclusive':
        m = ld + 1
        result = []
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            result.append((data[j - 1] * (n - delta) + data[j] * delta) / n)
        return result
    raise ValueError(f'Unknown method: {method!r}')


def _ss(data, c=None):
    """(type, exact sum of squared deviations, mean, count) of the data."""
    if c is not None:
        T, ssd, count = _sum([(x - c) * (x - c) for x in data])
        return T, ssd, c, count
    count = 0
    types = []
    sx = {}
    sxx = {}
    nonfinite = None
    for x in data:
        typ = type(x)
        if typ not in types:
            types.append(typ)
        n, d = _exact_ratio(x)
        count += 1
        if d is None:
            nonfinite = n if nonfinite is None else nonfinite + n
            continue
        sx[d] = sx.get(d, 0) + n
        sxx[d * d] = sxx.get(d * d, 0) + n * n
    T = int
    for typ in types:
        T = _coerce(T, typ)
    if not count:
        return T, (0, 1), (0, 1), 0
    if nonfinite is not None:
        return T, nonfinite, nonfinite, count
    s1 = _sum_partials(sx)
    s2 = _sum_partials(sxx)
    # (count * sxx - sx * sx) / count, exactly.
    num = count * s2[0] * s1[1] * s1[1] - s1[0] * s1[0] * s2[1]
    den = s2[1] * s1[1] * s1[1] * count
    return T, _reduce(num, den), _reduce(s1[0], s1[1] * count), count


def _isqrt_rto(n, m):
    """The square root of n/m rounded to an integer, to odd (so one more rounding is exact)."""
    a = math.isqrt(n // m)
    return a | (a * a * m != n)


def _sqrt_of(value):
    """The correctly rounded float square root of an exact (n, d)."""
    if isinstance(value, float):
        return math.sqrt(value)
    n, m = value
    # 109 bits: twice a float's 53-bit mantissa plus guard bits, enough for one correct rounding.
    q = (n.bit_length() - m.bit_length() - 109) // 2
    if q >= 0:
        return (_isqrt_rto(n, m << 2 * q) << q) / 1
    return _isqrt_rto(n << -2 * q, m) / (1 << -q)


def variance(data, xbar=None):
    """The sample variance of the data (n - 1 in the denominator)."""
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('variance requires at least two data points')
    return _convert(_div(ss, n - 1), T)


def pvariance(data, mu=None):
    """The population variance of the data."""
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pvariance requires at least one data point')
    return _convert(_div(ss, n), T)


def stdev(data, xbar=None):
    """The sample standard deviation: the square root of variance."""
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('stdev requires at least two data points')
    return _sqrt_of(_div(ss, n - 1))


def pstdev(data, mu=None):
    """The population standard deviation: the square root of pvariance."""
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pstdev requires at least one data point')
    return _sqrt_of(_div(ss, n))


def covariance(x, y, /):
    """The sample covariance of two inputs of the same length."""
    n = len(x)
    if len(y) != n:
        raise StatisticsError('covariance requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('covariance requires at least two data points')
    xbar = _fsum(x) / n
    ybar = _fsum(y) / n
    sxy = _fsum([(xi - xbar) * (yi - ybar) for xi, yi in zip(x, y)])
    return sxy / (n - 1)


def correlation(x, y, /):
    """Pearson's correlation coefficient of two inputs of the same length."""
    n = len(x)
    if len(y) != n:
        raise StatisticsError('correlation requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('correlation requires at least two data points')
    xbar = _fsum(x) / n
    ybar = _fsum(y) / n
    sxy = _fsum([(xi - xbar) * (yi - ybar) for xi, yi in zip(x, y)])
    sxx = _fsum([(xi - xbar) * (xi - xbar) for xi in x])
    syy = _fsum([(yi - ybar) * (yi - ybar) for yi in y])
    try:
        return sxy / math.sqrt(sxx * syy)
    except ZeroDivisionError:
        raise StatisticsError('at least one of the inputs is constant')


class LinearRegression(tuple):
    """The result of linear_regression: (slope, intercept)."""

    def __new__(cls, slope, intercept):
        return tuple.__new__(cls, (slope, intercept))

    @property
    def slope(self):
        return self[0]

    @property
    def intercept(self):
        return self[1]

    def __repr__(self):
        return f'LinearRegression(slope={self[0]!r}, intercept={self[1]!r})'


def linear_regression(x, y, /, *, proportional=False):
    """Slope and intercept of the least-squares line through (x, y)."""
    n = len(x)
    if len(y) != n:
        raise StatisticsError('linear regression requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('linear regression requires at least two data points')
    if proportional:
        sxy = _fsum([xi * yi for xi, yi in zip(x, y)])
        sxx = _fsum([xi * xi for xi in x])
    else:
        xbar = _fsum(x) / n
        ybar = _fsum(y) / n
        sxy = _fsum([(xi - xbar) * (yi - ybar) for xi, yi in zip(x, y)])
        sxx = _fsum([(xi - xbar) * (xi - xbar) for xi in x])
    try:
        slope = sxy / sxx
    except ZeroDivisionError:
        raise StatisticsError('x is constant')
    intercept = 0.0 if proportional else ybar - slope * xbar
    return LinearRegression(slope=slope, intercept=intercept)
