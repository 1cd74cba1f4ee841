from collections import ChainMap

defaults = {'theme': 'light', 'lang': 'en', 'size': 12}
user = {'theme': 'dark'}
settings = ChainMap(user, defaults)
print(settings['theme'], settings['lang'], len(settings), sorted(settings))
print(settings)
settings['size'] = 14
print(user, defaults['size'])
session = settings.new_child({'lang': 'nb'})
print(session['lang'], session.parents['lang'], session.maps[0])
print(dict(session) == {'theme': 'dark', 'lang': 'nb', 'size': 14}, 'size' in session, session.get('x', '-'))
print(list(ChainMap({'b': 1}, {'a': 2, 'b': 3})))
try:
    ChainMap({}, {'k': 1}).pop('k')
except KeyError as e:
    print('KeyError:', e)
