# __name__ and the main guard.
print(__name__)
def main():
    print("main() called")
    return 0
if __name__ == "__main__":
    print("running as a script")
    main()
else:
    print("imported")
if __name__ != "__main__":
    print("not shown")
