"""The port of names.sh to Python: list the people, count them, or search them by name."""
import pathlib
import sys

PEOPLE = pathlib.Path(__file__).parent.parent / "data" / "people.txt"


def main(args):
    people = PEOPLE.read_text().splitlines()
    if args[:1] == ["list"]:
        print("\n".join(people))
    elif args[:1] == ["count"]:
        print(len(people))
    elif args[:1] == ["search"] and len(args) == 2:
        found = [p for p in people if args[1].lower() in p.lower()]
        print("\n".join(found) if found else "no match for " + args[1])
    else:
        print("usage: names list|count|search NAME", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
