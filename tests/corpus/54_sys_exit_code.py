# sys.exit with an integer status; finally blocks still run.
import sys

def main():
    print("working")
    try:
        sys.exit(3)
    finally:
        print("cleanup runs")
    print("not reached")

main()
print("not reached either")
