package dev.parity.verdict;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.parity.cluster.Change;
import java.util.List;
import java.util.Objects;

/**
 * The cases that share an atomic change (or several changes that always come together), i.e. most
 * likely one root cause. A case with changes of several causes is a member of several clusters.
 *
 * @param id {@code c1}, {@code c2}, ... by decreasing size, as {@code parity accept --cluster}
 *     takes it
 * @param key a stable id of what the cluster's cases share, the same across runs ({@code k} and 10
 *     hex digits of a hash of {@code signature})
 * @param name what the cases share, readable, e.g. {@code header content-type: `; charset=utf-8`
 *     appended}
 * @param status fail or error
 * @param count how many cases are members
 * @param signature the keys of the changes the cases share, one per line, varying values masked
 *     ({@code <n>} for numbers, {@code <uuid>}, {@code <hex>}, {@code <path>}, ...)
 * @param changes those changes with their readable names
 * @param members the ids of every member case
 * @param examples the first member ids (at most {@link Clusters#EXAMPLES})
 * @param excerpt the first changed lines of the first example, as they were (not normalized)
 */
@JsonPropertyOrder({
  "id",
  "key",
  "name",
  "status",
  "count",
  "signature",
  "changes",
  "members",
  "examples",
  "excerpt"
})
public record Cluster(
    String id,
    String key,
    String name,
    Status status,
    int count,
    List<String> signature,
    List<Change> changes,
    List<String> members,
    List<String> examples,
    List<String> excerpt) {

  public Cluster {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    signature = List.copyOf(signature);
    changes = List.copyOf(changes);
    members = List.copyOf(members);
    examples = List.copyOf(examples);
    excerpt = List.copyOf(excerpt);
  }

  /** The cluster's name, for summaries. */
  public String headline() {
    return name;
  }
}
