#pragma once

// Test helpers: edit a JSON document at a JSON Pointer, and a small valid ladder to edit.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace ladder::test {

inline QStringList pointerTokens(const QString &pointer)
{
    QStringList tokens = pointer.split(QLatin1Char('/'));
    tokens.removeFirst(); // the empty token before the leading "/"
    for (QString &t : tokens)
        t.replace(QLatin1String("~1"), QLatin1String("/"))
            .replace(QLatin1String("~0"), QLatin1String("~"));
    return tokens;
}

// Sets (or, with `remove`, deletes) the value at `tokens` inside `value`. An array index equal
// to the array's size appends.
inline QJsonValue editValue(const QJsonValue &value, QStringList tokens, const QJsonValue &newValue,
                            bool remove)
{
    if (tokens.isEmpty())
        return newValue;
    const QString token = tokens.takeFirst();
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        const int index = token.toInt();
        if (tokens.isEmpty() && remove) {
            array.removeAt(index);
        } else if (index == array.size()) {
            array.append(editValue(QJsonValue(), tokens, newValue, remove));
        } else {
            array[index] = editValue(array.at(index), tokens, newValue, remove);
        }
        return array;
    }
    QJsonObject object = value.toObject();
    if (tokens.isEmpty() && remove)
        object.remove(token);
    else
        object.insert(token, editValue(object.value(token), tokens, newValue, remove));
    return object;
}

inline QJsonObject withValue(const QJsonObject &root, const QString &pointer,
                             const QJsonValue &value)
{
    return editValue(root, pointerTokens(pointer), value, false).toObject();
}

inline QJsonObject without(const QJsonObject &root, const QString &pointer)
{
    return editValue(root, pointerTokens(pointer), {}, true).toObject();
}

inline QJsonValue parseValue(const char *json)
{
    // Wrapped in an array so that scalars parse too.
    const QByteArray text = QByteArray("[") + json + "]";
    return QJsonDocument::fromJson(text).array().at(0);
}

// A small ladder that parses and validates without any diagnostic.
inline QJsonObject baseLadder()
{
    return QJsonDocument::fromJson(R"({
        "format": "ladder/1",
        "entry": "strong",
        "tiers": [
            {"id": "strong", "provider": "openai", "model": "gpt-5.4",
             "fallback": [{"provider": "anthropic", "model": "claude-sonnet-4-6"}]},
            {"id": "light", "provider": "openai", "model": "gpt-5.4-mini",
             "params": {"temperature": 0.2}}
        ],
        "transitions": [
            {"from": "strong", "to": "light", "when": {"type": "after_turns", "turns": 2}},
            {"from": "light", "to": "strong",
             "when": {"type": "on_signal", "signals": ["high_stakes"]}},
            {"from": "light", "to": "strong",
             "when": {"type": "post_turn", "signals": ["low_confidence"]}},
            {"from": "strong", "when": {"type": "return_after", "turns": 1}}
        ],
        "detectors": [
            {"id": "stakes", "kind": "lexicon", "signal": "high_stakes",
             "patterns": ["\\blegal\\b"]}
        ]
    })")
        .object();
}

} // namespace ladder::test
