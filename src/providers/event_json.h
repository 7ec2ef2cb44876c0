#pragma once

// The JSON of one stream event, read with simdjson's On-Demand API (Debian libsimdjson-dev).
//
// Why not QJsonDocument: a streamed answer is one small JSON object per token, and building a
// QJsonDocument for each (a heap string per key and value, then lookups comparing UTF-16) cost
// 3-7 µs per event, most of the client's overhead. On-Demand indexes the text once and decodes
// only the values a decoder reads, into a parser that is reused from event to event.
//
// On-Demand's rules, which the decoders follow:
// - values are read in document order, each at most once: a decoder walks an object's members
//   with forEachMember() and keeps what it needs, then acts once the event has been read whole;
// - errors are codes, never exceptions: the first one is kept (failed(), errorString()), every
//   read after it yields its fallback, and the decoder reports the event as malformed;
// - the whole event is checked for UTF-8, unterminated strings, unescaped control characters
//   and a root that is not one object; a value's own syntax is checked when it is read (a
//   skipped member is only bracket-matched).
// Values read equal what QJsonDocument::fromJson makes of the same text (the fuzz_event_json
// target checks it), with two refusals where Qt is lenient: raw control characters in strings
// and escapes JSON does not have ("\x"). A lone surrogate escape ("\ud83d" at the end of one
// token, its partner in the next) is kept as one UTF-16 unit, as Qt keeps it.

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace ladder {

namespace ondemand = simdjson::ondemand;

class EventJson
{
public:
    // Starts reading `json`, which must hold one object (a leading byte order mark is skipped).
    // On failure returns false and errorString() says what.
    bool parse(QByteArrayView json, ondemand::object *root);
    // After the root's members were all read: refuses text after the object. False when the
    // event was malformed anywhere that was read.
    bool finish();
    // The whole event as Qt values, from the start (an error event, a rare event type).
    QJsonObject rootObject();

    bool failed() const { return m_error != simdjson::SUCCESS; }
    // "unterminated string at offset 12", for the decoders' protocol error.
    QString errorString() const;

    // Calls f(std::string_view key, ondemand::value value) for each member of `object` in
    // document order. The key is unescaped and valid until the next parse().
    template <typename F> void forEachMember(ondemand::object object, F &&f);
    template <typename F>
    void forEachMember(ondemand::value value, F &&f); // nothing unless value is an object
    // Calls f(ondemand::value element) for each element of an array (nothing for other types).
    template <typename F> void forEachElement(ondemand::value value, F &&f);

    // The type of a value without reading it; Undefined after an error.
    QJsonValue::Type type(ondemand::value value);
    bool isNull(ondemand::value value) { return type(value) == QJsonValue::Null; }

    // Conversions with QJsonValue's fallbacks for other types.
    QString toString(ondemand::value value, const QString &fallback = {});
    qint64 toInteger(ondemand::value value, qint64 fallback = 0); // integral numbers only
    int toInt(ondemand::value value, int fallback = 0);
    bool toBool(ondemand::value value, bool fallback = false);
    // The whole value as a Qt value (Undefined after an error).
    QJsonValue toJsonValue(ondemand::value value);
    QJsonObject toObject(ondemand::value value) { return toJsonValue(value).toObject(); }

    // Records an error code (SUCCESS is ignored); returns whether it was one.
    bool check(simdjson::error_code error);

private:
    QJsonValue numberValue(ondemand::value value);
    bool shortInteger(ondemand::value value, std::optional<qint64> *out);
    QJsonObject objectValue(ondemand::object object, int depth);
    QJsonValue jsonValue(ondemand::value value, int depth);
    QString lenientString(const char *raw);

    ondemand::parser m_parser;
    ondemand::document m_document;
    std::vector<char> m_padded; // the event, followed by SIMDJSON_PADDING bytes
    std::size_t m_size = 0;
    qint64 m_skipped = 0; // a byte order mark before the text
    bool m_documentValid = false;
    simdjson::error_code m_error = simdjson::SUCCESS;
    qint64 m_errorOffset = -1;
    const char *m_errorText = nullptr; // our own reason, when simdjson's code says too little
};

template <typename F> void EventJson::forEachMember(ondemand::object object, F &&f)
{
    if (failed())
        return;
    for (auto member : object) {
        ondemand::field field;
        std::string_view key;
        if (check(std::move(member).get(field)))
            return;
        const simdjson::error_code keyError = field.unescaped_key().get(key);
        if (keyError == simdjson::STRING_ERROR)
            key = {}; // a lone surrogate escape: no name a decoder looks for
        else if (check(keyError))
            return;
        f(key, field.value());
        if (failed())
            return;
    }
}

template <typename F> void EventJson::forEachMember(ondemand::value value, F &&f)
{
    if (type(value) != QJsonValue::Object)
        return;
    ondemand::object object;
    if (!check(value.get_object().get(object)))
        forEachMember(object, std::forward<F>(f));
}

template <typename F> void EventJson::forEachElement(ondemand::value value, F &&f)
{
    if (type(value) != QJsonValue::Array)
        return;
    ondemand::array array;
    if (check(value.get_array().get(array)))
        return;
    for (auto item : array) {
        ondemand::value element;
        if (check(item.get(element)))
            return;
        f(element);
        if (failed())
            return;
    }
}

} // namespace ladder
