package dev.parity.cli.review;

import dev.parity.fixture.Side;
import dev.parity.golden.AcceptedDifference;
import dev.parity.golden.GoldenException;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The decisions of one review, free of any terminal: the queue of pending results, the view
 * switches, and what each key does. Nothing is buffered: every accept or reject is carried out when
 * its key is pressed.
 */
public final class ReviewSession {
  /** Ctrl-C as a raw-mode terminal delivers it. */
  public static final int CTRL_C = 3;

  /** What the reviewer decided so far. */
  public record Tally(int accepted, int rejected, int skipped) {
    Tally plus(int accepts, int rejects, int skips) {
      return new Tally(accepted + accepts, rejected + rejects, skipped + skips);
    }
  }

  private final List<ReviewItem> queue;
  private final int total;
  private final ReviewActions actions;
  private final String by;
  private final Clock clock;
  private int index;
  private boolean showRaw;
  private boolean sideBySide = true;
  private boolean detail;
  private boolean quit;
  private String message = "";
  private Tally tally = new Tally(0, 0, 0);

  public ReviewSession(List<ReviewItem> items, ReviewActions actions, String by, Clock clock) {
    this.queue = new ArrayList<>(items);
    this.total = items.size();
    this.actions = actions;
    this.by = by;
    this.clock = clock;
  }

  /** The pending result on screen, or empty when the review is over. */
  public Optional<ReviewItem> current() {
    return finished() ? Optional.empty() : Optional.of(queue.get(index));
  }

  /** Whether the reviewer quit or every pending result was decided or skipped. */
  public boolean finished() {
    return quit || index >= queue.size();
  }

  /** The position of the current result among all results this review started with, from 1. */
  public int position() {
    return total - queue.size() + index + 1;
  }

  public int total() {
    return total;
  }

  public boolean showRaw() {
    return showRaw;
  }

  public boolean sideBySide() {
    return sideBySide;
  }

  public boolean detail() {
    return detail;
  }

  /** What the last key did, or why it did nothing; empty when there is nothing to say. */
  public String message() {
    return message;
  }

  public Tally tally() {
    return tally;
  }

  /**
   * Handles one key ({@code -1} when the terminal is gone, which quits). A failed accept or reject
   * (e.g. the golden folder is locked by a running record) is reported and the result stays.
   */
  public void press(int key, Prompter prompter) throws IOException {
    if (finished()) {
      return;
    }
    message = "";
    ReviewItem item = queue.get(index);
    switch (key) {
      case 'a' -> accept(List.of(item), prompter);
      case 'A' -> acceptCluster(item, prompter);
      case 'r' -> reject(item);
      case 's' -> {
        index++;
        tally = tally.plus(0, 0, 1);
        message = "skipped " + item.caseId() + " (its pending result stays)";
      }
      case 'd' -> detail = !detail;
      case 'n' -> showRaw = !showRaw;
      case 'u' -> sideBySide = !sideBySide;
      case 'q', CTRL_C, -1 -> quit = true;
      default -> message = "unknown key: " + keyName(key) + "; " + ReviewScreen.KEYS;
    }
  }

  private void acceptCluster(ReviewItem item, Prompter prompter) throws IOException {
    Optional<String> cluster = item.cluster();
    if (cluster.isEmpty()) {
      message = item.caseId() + " is in no cluster; press a to accept it alone";
      return;
    }
    // Cluster ids are numbered per run: a record run's c1 and a verify run's c1 are different
    // causes, so only pending results of the same side (the same kind of run) are members.
    List<ReviewItem> members =
        queue.stream().filter(i -> i.side() == item.side() && i.cluster().equals(cluster)).toList();
    accept(members, prompter);
  }

  /** Accepts {@code items}, asking once for the reason when any of them is a candidate result. */
  private void accept(List<ReviewItem> items, Prompter prompter) throws IOException {
    Optional<AcceptedDifference> difference = Optional.empty();
    if (items.stream().anyMatch(i -> i.side() == Side.CANDIDATE)) {
      difference = askDifference(prompter);
      if (difference.isEmpty()) {
        message = "not accepted: accepting a candidate difference needs a reason";
        return;
      }
    }
    int done = 0;
    for (ReviewItem item : items) {
      try {
        if (item.side() == Side.LEGACY) {
          actions.acceptLegacy(item);
        } else {
          actions.acceptCandidate(item, difference.orElseThrow());
        }
      } catch (GoldenException | IOException e) {
        message = "could not accept " + item.caseId() + ": " + e.getMessage();
        break;
      }
      remove(item);
      done++;
    }
    tally = tally.plus(done, 0, 0);
    if (message.isEmpty()) {
      message =
          "accepted "
              + (done == 1
                  ? items.get(0).caseId()
                  : done + " cases of cluster " + clusterOf(items));
    }
  }

  private Optional<AcceptedDifference> askDifference(Prompter prompter) throws IOException {
    Optional<String> reason = prompter.ask("Reason (required): ").filter(r -> !r.isBlank());
    if (reason.isEmpty()) {
      return Optional.empty();
    }
    AcceptedDifference difference = AcceptedDifference.of(reason.get(), by, clock.instant());
    Optional<String> ticket = prompter.ask("Ticket (optional): ").filter(t -> !t.isBlank());
    return Optional.of(ticket.map(difference::withTicket).orElse(difference));
  }

  private void reject(ReviewItem item) {
    try {
      actions.reject(item);
    } catch (GoldenException | IOException e) {
      message = "could not reject " + item.caseId() + ": " + e.getMessage();
      return;
    }
    remove(item);
    tally = tally.plus(0, 1, 0);
    message = "rejected " + item.caseId() + " (its golden stays as it is)";
  }

  /** Takes a decided result out of the queue; the next one moves into its place. */
  private void remove(ReviewItem item) {
    int at = 0;
    while (queue.get(at) != item) {
      at++;
    }
    queue.remove(at);
    if (at < index) {
      index--;
    }
  }

  private static String clusterOf(List<ReviewItem> items) {
    return items.get(0).cluster().orElse("?");
  }

  private static String keyName(int key) {
    return key >= ' ' && key < 127 ? "'" + (char) key + "'" : "code " + key;
  }
}
