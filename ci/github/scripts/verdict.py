"""Reads Parity's reports for the GitHub Action (ci/github/action.yml).

outputs VERDICT_JSON   prints decision=, status=, scope=, groups= (JSON object of tag to decision),
                       ratio= (gate) and performance= lines for $GITHUB_OUTPUT, as verdict.json says.
annotations JUNIT_XML  prints one ::error workflow command per failing or erroring test case (at most
                       MAX_ANNOTATIONS, then a notice with how many more).
"""
import json
import sys
import xml.etree.ElementTree as ElementTree

MAX_ANNOTATIONS = 50


def outputs(path):
    with open(path, encoding="utf-8") as f:
        verdict = json.load(f)
    lines = [
        "decision=" + verdict.get("decision", "legacy"),
        "status=" + verdict.get("status", "error"),
        "scope=" + verdict.get("scope", "all"),
    ]
    groups = {tag: group.get("decision", "legacy") for tag, group in verdict.get("groups", {}).items()}
    lines.append("groups=" + json.dumps(groups, separators=(",", ":"), sort_keys=True))
    performance = verdict.get("performance")
    if performance:
        lines.append("performance=" + str(performance.get("status", "")))
        if performance.get("ratio") is not None:
            lines.append("ratio=%.3f" % performance["ratio"])
    # One value per line: a newline in a value would start another output.
    print("\n".join(line.replace("\r", " ").replace("\n", " ") for line in lines))


def escape_data(value):
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value):
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotations(path):
    suite = ElementTree.parse(path).getroot()
    bad = []
    for case in suite.iter("testcase"):
        for kind in ("failure", "error"):
            for problem in case.findall(kind):
                bad.append((case.get("name", "?"), problem.get("message", kind), (problem.text or "").strip()))
    # junit.xml names its test suite parity.<suite>.
    suite_name = suite.get("name", "")
    if suite_name.startswith("parity."):
        suite_name = suite_name[len("parity."):]
    for name, message, body in bad[:MAX_ANNOTATIONS]:
        title = escape_property("Parity " + suite_name + ": " + name)
        text = message + ("\n" + body if body else "")
        print("::error title=" + title + "::" + escape_data(text[:4000]))
    if len(bad) > MAX_ANNOTATIONS:
        print("::notice title=Parity::%d more failing cases; see junit.xml in the reports artifact"
              % (len(bad) - MAX_ANNOTATIONS))


if __name__ == "__main__":
    {"outputs": outputs, "annotations": annotations}[sys.argv[1]](sys.argv[2])
