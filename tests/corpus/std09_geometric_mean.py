# statistics.geometric_mean on math.exp and math.log, and its error.
import statistics as st
print(st.geometric_mean([54, 24, 36]), st.geometric_mean([1.5, 2.5, 9]))
try:
    st.geometric_mean([1, 0])
except st.StatisticsError as e:
    print(e)
