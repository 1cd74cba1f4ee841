import logging
import sys

# With no handler anywhere, a warning goes to stderr as the bare message (logging.lastResort).
app = logging.getLogger('app')
db = logging.getLogger('app.db')
app.warning('no handler yet: %s', 'bare message')
app.info('below WARNING: dropped')

print(db.parent is app, app.parent is logging.getLogger(), logging.getLogger('app.db') is db)
print(repr(app), repr(db), repr(logging.root))
print(db.name, db.level, db.getEffectiveLevel(), db.isEnabledFor(logging.INFO))
app.setLevel(logging.DEBUG)
print(db.getEffectiveLevel(), db.isEnabledFor(logging.INFO), logging.getLevelName(db.getEffectiveLevel()))
db.setLevel('ERROR')
print(db.level, repr(db))
print(logging.getLevelName(25), logging.getLevelName('WARNING'), logging.getLevelName(logging.CRITICAL))
logging.addLevelName(25, 'NOTICE')
print(logging.getLevelName(25), logging.getLevelName('NOTICE'))

handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter('%(levelname)s:%(name)s:%(message)s'))
app.addHandler(handler)
print(repr(handler), app.hasHandlers(), db.hasHandlers())
db.error('from db %d', 1)
db.warning('from db, below its level')
app.log(25, 'a notice %s', 'here')
app.debug('debug %s %s', 'with', 'args')
app.info('a dict argument: %(x)s and %(y)s', {'x': 1, 'y': 2})
app.critical('critical')
db.propagate = False
db.error('not propagated: lastResort again')
app.removeHandler(handler)
app.error('removed handler: lastResort')
try:
    db.setLevel('LOUD')
except ValueError as e:
    print('ValueError:', e)
try:
    db.setLevel(1.5)
except TypeError as e:
    print('TypeError:', e)
logging.disable(logging.ERROR)
app.addHandler(handler)
app.error('disabled')
app.critical('still shown')
logging.disable(logging.NOTSET)
print(sorted(logging.getLevelNamesMapping().items())[:3])
