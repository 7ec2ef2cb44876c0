#pragma once

// Compare's blind picks as preference cases: the conversation up to the picked turn, each
// column's answers under "LADDER/MODEL", and the chosen one in expect.preferred (scorer
// "preference", docs/eval-format.md), appended to a preference set that `ladder eval` and the
// Evaluate area read. A changed pick for the same turn replaces its case.

#include <QList>
#include <QString>

namespace ladder {

class ChatSessionModel;

namespace PreferenceCases {

// <data folder>/golden-sets/preferences.jsonl
QString defaultSetPath();

// The answerer name of a column: its ladder and the model that answered `turn` ("framing/
// sim-light"); the ladder alone when the turn has no answer yet.
QString answererOf(const ChatSessionModel &column, int turn);

// Appends (or replaces) the case "<comparisonId>-turn-<turn>": `columns` in display order,
// `chosen` indexes the preferred one. Returns the case id, or empty with `error` set.
QString record(const QString &setPath, const QString &comparisonId,
               const QList<const ChatSessionModel *> &columns, int turn, int chosen,
               QString *error);

} // namespace PreferenceCases

} // namespace ladder
