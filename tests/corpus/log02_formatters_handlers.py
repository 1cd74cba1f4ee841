import io
import logging
import sys

# basicConfig: the root's handler, format, style; force replaces what is there.
logging.basicConfig(stream=sys.stdout, level=logging.INFO,
                    format='%(levelname)-8s|%(name)s|%(funcName)s:%(lineno)d|%(filename)s|%(module)s|%(message)s')
log = logging.getLogger('shop')


def checkout(total):
    log.info('total %.2f', total)
    if total > 10:
        log.warning('big order')


class Cart:
    def add(self, item):
        log.info('added %r', item)


checkout(12.5)
Cart().add('pear')
log.debug('not shown at INFO')
logging.info('root at module level')

logging.basicConfig(stream=sys.stdout, format='ignored: the root has a handler')
logging.warning('still the first format')

logging.basicConfig(stream=sys.stdout, force=True, style='{', format='{levelname}/{name}: {message}')
log.warning('brace style %s', 'with args')
logging.basicConfig(stream=sys.stdout, force=True, style='$', format='$levelname $name $message')
log.error('dollar style')
logging.basicConfig(stream=sys.stdout, force=True, format='%(message)s [%(processName)s %(threadName)s]')
log.warning('names')
try:
    logging.Formatter('%(message)s', style='!')
except ValueError as e:
    print('ValueError:', e)
try:
    logging.Formatter('no fields here', validate=True)
except ValueError as e:
    print('ValueError:', e)
try:
    logging.basicConfig(bogus=1, force=True)
except ValueError as e:
    print('ValueError:', e)

# A handler of one's own, a Filter, an adapter, exc_info, a formatter's defaults.
buf = io.StringIO()
h = logging.StreamHandler(buf)
h.setFormatter(logging.Formatter('%(levelname)s %(message)s %(extra_field)s', defaults={'extra_field': '-'}))


class OnlyOdd(logging.Filter):
    def filter(self, record):
        return record.args[0] % 2 == 1


h.addFilter(OnlyOdd())
audit = logging.getLogger('audit')
audit.propagate = False
audit.addHandler(h)
audit.setLevel(logging.DEBUG)
for i in range(4):
    audit.debug('item %d', i)
audit.info('with extra %d', 5, extra={'extra_field': 'E'})
print(buf.getvalue(), end='')

named = logging.getLogger('audit.sub')
f = logging.Filter('audit.sub')
print(f.filter(logging.makeLogRecord({'name': 'audit.sub.x'})), f.filter(logging.makeLogRecord({'name': 'audit.subway'})))

adapter = logging.LoggerAdapter(log, {'user': 'ann'})
print(repr(adapter), adapter.isEnabledFor(logging.INFO))
adapter.warning('through an adapter')


class Tagged(logging.LoggerAdapter):
    def process(self, msg, kwargs):
        return '[%s] %s' % (self.extra['user'], msg), kwargs


Tagged(log, {'user': 'bob'}).error('tagged')

logging.basicConfig(force=True, format="%(levelname)s:%(message)s")
try:
    {}['missing']
except KeyError:
    log.exception('lookup failed')
try:
    int('x')
except ValueError as e:
    log.error('with exc_info=e', exc_info=e)
log.warning('no exception', exc_info=False)
logging.getLogger('quiet').addHandler(logging.NullHandler())
logging.getLogger('quiet').propagate = False
logging.getLogger('quiet').error('nobody hears this')
rec = logging.makeLogRecord({'msg': 'm %s', 'args': ('a',), 'levelno': 20, 'levelname': 'INFO'})
print(rec.getMessage(), logging.Formatter('%(levelname)s-%(message)s').format(rec))
print(logging.BASIC_FORMAT, logging.Formatter().format(rec))
log.warning('a count of %d', 'not a number')
print('the program goes on after a logging error')
