// The sandbox's state: accepted messages, idempotency records, mailboxes, counters.
// SQLite throughout: a file with --state (survives restarts), else an in-memory database.
// Not thread-safe by itself: the caller serialises access (Service holds one mutex).
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace ecadm::sandbox {

/// What POST /nachrichten answered for an accepted message.
struct Confirmation {
  std::string nachricht_id;
  std::string vorgang;
  std::string empfangen;  ///< RFC 3339
};

/// An accepted message as the idempotency record keeps it.
struct StoredMessage {
  std::string kanzlei;
  std::string body_sha256;
  Confirmation confirmation;
};

/// One mailbox entry (visible: an entry gets its id when it becomes visible, see deliver()).
struct MailboxEntry {
  long long id = 0;
  std::string nachricht_xml;  ///< a `<Nachricht>` element, no XML declaration
};

/// The SQLite-backed store.
class State {
 public:
  /// Opens (creating if needed) the database; an empty path means in memory. Throws std::runtime_error.
  explicit State(const std::string& path);
  ~State();
  State(const State&) = delete;
  State& operator=(const State&) = delete;

  /// Counts one POST /nachrichten carrying this Idempotency-Key.
  void count_post(const std::string& nachricht_id);

  /// The accepted message with that NachrichtId, if any.
  std::optional<StoredMessage> find_message(const std::string& nachricht_id);

  /// Increments the named counter and returns its new value (starts at 1).
  long long next(const std::string& counter);

  /// Records an accepted message (and its Vorgang as the firm's case with insurer `bafin`), in one
  /// transaction.
  void accept(const StoredMessage& message, const std::string& body, const std::string& bafin);

  /// The BaFin number of the insurer of the firm's Vorgang (from an accepted message or a mandate);
  /// nullopt when the Vorgang is not the firm's, empty when a state file of an older sandbox lacks it.
  std::optional<std::string> vorgang_insurer(const std::string& kanzlei, const std::string& vorgang);

  /// Records that the Vorgang is the firm's case with the insurer `bafin` (no-op when known).
  void add_vorgang(const std::string& kanzlei, const std::string& vorgang, const std::string& bafin);

  /// Queues a message for the firm's mailbox, visible from `visible_at_ms` on. It gets its entry id
  /// only when it becomes visible, so that ids (and cursors) follow the order in which entries appear:
  /// an entry that shows up later never hides behind a cursor handed out before.
  void deliver(const std::string& kanzlei, long long visible_at_ms, const std::string& nachricht_xml);

  /// Unacknowledged visible entries after `after_id`, oldest first, at most `max`; `more` tells whether
  /// further entries follow.
  std::vector<MailboxEntry> mailbox(const std::string& kanzlei, long long after_id, int max, long long now_ms,
                                    bool& more);

  /// Acknowledges the entry; false when the firm has no such (visible) entry.
  bool acknowledge(const std::string& kanzlei, long long id, long long now_ms);

  /// {"messages": {id: {"posted", "accepted", "vorgang"}}, "mailboxes": {kanzlei: {...}}, "counters": {...}}
  nlohmann::json stats(long long now_ms);

 private:
  void exec(const char* sql);
  /// Runs `work` in BEGIN IMMEDIATE ... COMMIT, rolled back when it throws.
  void in_transaction(const std::function<void()>& work);
  /// Adds what a state file written by an older sandbox lacks.
  void migrate(long long now_ms);
  /// Gives every queued entry that is visible at `now_ms` its id, in the order they became visible.
  void publish(long long now_ms);
  sqlite3* m_db = nullptr;
};

}  // namespace ecadm::sandbox
