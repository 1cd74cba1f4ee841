"""Locale support: forkyard's processes run in the C locale and stay there.

A CPython program is in the C locale until it calls setlocale(); forkyard has no other locale data
(a lesson program cannot read the machine's), so this module answers as CPython's does in the C
locale: getlocale() is (None, None), setlocale(cat) and setlocale(cat, "C") are "C", and naming
another locale is refused with CPython's locale.Error. `_strptime` and `calendar` read the month
and day names through strftime, which is C's.
"""

__all__ = ["getlocale", "setlocale", "localeconv", "Error", "LC_CTYPE", "LC_COLLATE", "LC_TIME",
           "LC_MONETARY", "LC_NUMERIC", "LC_ALL", "LC_MESSAGES", "CHAR_MAX", "getencoding",
           "getpreferredencoding"]

# Linux's numbers for the categories, as CPython's _locale has them.
LC_CTYPE = 0
LC_NUMERIC = 1
LC_TIME = 2
LC_COLLATE = 3
LC_MONETARY = 4
LC_MESSAGES = 5
LC_ALL = 6
CHAR_MAX = 127

_CATEGORIES = (LC_CTYPE, LC_NUMERIC, LC_TIME, LC_COLLATE, LC_MONETARY, LC_MESSAGES, LC_ALL)


class Error(Exception):
    pass

Error.__module__ = "locale"


def _check_category(category):
    if not isinstance(category, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(category).__name__)
    if category not in _CATEGORIES:
        raise Error("unsupported locale setting")


def setlocale(category, locale=None):
    """Query the locale (locale None) or set it: only "C" (or "POSIX") can be set."""
    _check_category(category)
    if locale is None or locale in ("C", "POSIX"):
        return "C"
    if locale == "":
        # CPython would pick the locale the environment names; a lesson program cannot read it.
        raise Error("forkyard runs every program in the C locale: the environment's locale "
                    "(setlocale(category, '')) is not available")
    if not isinstance(locale, str):
        raise TypeError("setlocale() argument 2 must be str or None, not %s"
                        % type(locale).__name__)
    raise Error("unsupported locale setting")


def getlocale(category=LC_CTYPE):
    """The C locale's (language code, encoding): (None, None), as CPython gives it."""
    _check_category(category)
    if category == LC_ALL:
        raise TypeError('category LC_ALL is not supported')
    return (None, None)


def localeconv():
    """The C locale's number conventions."""
    return {'int_curr_symbol': '', 'currency_symbol': '', 'mon_decimal_point': '',
            'mon_thousands_sep': '', 'mon_grouping': [], 'positive_sign': '',
            'negative_sign': '', 'int_frac_digits': CHAR_MAX, 'frac_digits': CHAR_MAX,
            'p_cs_precedes': CHAR_MAX, 'p_sep_by_space': CHAR_MAX, 'n_cs_precedes': CHAR_MAX,
            'n_sep_by_space': CHAR_MAX, 'p_sign_posn': CHAR_MAX, 'n_sign_posn': CHAR_MAX,
            'decimal_point': '.', 'thousands_sep': '', 'grouping': []}


def getencoding():
    return "UTF-8"


def getpreferredencoding(do_setlocale=True):
    return "UTF-8"

