package dev.parity.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Groups mismatches by their atomic changes: a case belongs to the group of every change it has.
 * Changes found in exactly the same cases form one group (in every case one shows, the other does
 * too: most likely one cause, e.g. fewer result lines and a lower count), named by all of them.
 */
public final class Grouping {
  private Grouping() {}

  /**
   * One group.
   *
   * @param changes the changes its cases share, in order of first appearance
   * @param members the ids of the cases with those changes, in input order
   */
  public record Group(List<Change> changes, List<String> members) {
    public Group {
      changes = List.copyOf(changes);
      members = List.copyOf(members);
    }

    /** The keys of its changes. */
    public List<String> keys() {
      return changes.stream().map(Change::key).toList();
    }

    /** Its changes' names joined, e.g. {@code stdout: lines removed at start; stdout: ...}. */
    public String name() {
      return String.join("; ", changes.stream().map(Change::name).toList());
    }
  }

  /** The groups of {@code mismatches}, largest first, ties in order of first appearance. */
  public static List<Group> of(List<Mismatch> mismatches) {
    Map<String, Change> firstByKey = new LinkedHashMap<>();
    Map<String, Set<String>> membersByKey = new LinkedHashMap<>();
    for (Mismatch mismatch : mismatches) {
      for (Change change : Changes.of(mismatch)) {
        firstByKey.putIfAbsent(change.key(), change);
        membersByKey.computeIfAbsent(change.key(), k -> new LinkedHashSet<>()).add(mismatch.id());
      }
    }
    Map<Set<String>, List<Change>> bySameMembers = new LinkedHashMap<>();
    membersByKey.forEach(
        (key, members) ->
            bySameMembers
                .computeIfAbsent(members, m -> new ArrayList<>())
                .add(Objects.requireNonNull(firstByKey.get(key))));
    List<Group> groups = new ArrayList<>();
    bySameMembers.forEach(
        (members, changes) -> groups.add(new Group(changes, List.copyOf(members))));
    groups.sort(Comparator.comparingInt((Group g) -> -g.members().size()));
    return groups;
  }
}
