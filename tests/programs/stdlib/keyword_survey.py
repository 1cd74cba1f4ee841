# keyword: Python's keywords and soft keywords.
import keyword

print(keyword.kwlist)
print(keyword.softkwlist)
print([(w, keyword.iskeyword(w), keyword.issoftkeyword(w)) for w in ['class', 'match', 'print', 'None', '_', 'case', 'x']])
print(len(keyword.kwlist), sorted(keyword.kwlist) == keyword.kwlist)
