#pragma once

// A read-only JSON tree over the bytes of one stream event, for the decoders' hot path.
//
// Why not QJsonDocument: a streamed answer is one small JSON object per token, and building a
// QJsonDocument for each (a CBOR container, a heap string per key and value, then a linear
// lookup that compares UTF-16) cost 3-7 µs per event, most of the client's overhead. JsonTree
// validates the whole text once and records where each value lies; nothing is copied or decoded
// until a decoder asks for that value, and the node list is reused from event to event.
//
// It accepts a subset of what QJsonDocument::fromJson accepts (strict RFC 8259 plus Qt's
// leniency for unescaped control characters in strings) and yields the same values: the
// fuzz_json_view target checks both directions against Qt.

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QString>

#include <cstdint>
#include <vector>

namespace ladder {

class JsonTree;

// One value of a JsonTree. Valid while its tree is neither parsed again nor destroyed. A missing
// member or index gives an undefined ref, whose conversions return their fallbacks, as
// QJsonValue does.
class JsonRef
{
public:
    enum class Type : std::uint8_t { Undefined, Null, Bool, Number, String, Array, Object };

    JsonRef() = default;

    Type type() const;
    bool isUndefined() const { return type() == Type::Undefined; }
    bool isNull() const { return type() == Type::Null; }
    bool isBool() const { return type() == Type::Bool; }
    bool isNumber() const { return type() == Type::Number; }
    bool isString() const { return type() == Type::String; }
    bool isArray() const { return type() == Type::Array; }
    bool isObject() const { return type() == Type::Object; }

    // Members of an object, elements of an array, 0 otherwise.
    qsizetype size() const;
    bool isEmpty() const { return size() == 0; }

    // The member named `key` (the last one when a key repeats, as Qt keeps it).
    JsonRef value(QLatin1StringView key) const;
    bool contains(QLatin1StringView key) const { return !value(key).isUndefined(); }
    // The i-th element of an array.
    JsonRef at(qsizetype i) const;

    QString toString(const QString &fallback = {}) const;
    // True when this is a string equal to `text`, without decoding it.
    bool equals(QLatin1StringView text) const;
    qint64 toInteger(qint64 fallback = 0) const; // integral numbers only, as QJsonValue
    int toInt(int fallback = 0) const;
    double toDouble(double fallback = 0) const;
    bool toBool(bool fallback = false) const;

    // Qt values, for what outlives the event (tool arguments, parts echoed in the history).
    QJsonValue toJsonValue() const;
    QJsonObject toObject() const { return toJsonValue().toObject(); }

    // Iterates the elements of an array (nothing for other types).
    class Iterator
    {
    public:
        JsonRef operator*() const { return {m_tree, m_node}; }
        Iterator &operator++();
        bool operator!=(const Iterator &other) const { return m_node != other.m_node; }

    private:
        friend class JsonRef;
        Iterator(const JsonTree *tree, std::uint32_t node)
            : m_tree(tree)
            , m_node(node)
        {}
        const JsonTree *m_tree;
        std::uint32_t m_node;
    };
    Iterator begin() const;
    Iterator end() const;

private:
    friend class JsonTree;
    JsonRef(const JsonTree *tree, std::uint32_t node)
        : m_tree(tree)
        , m_node(node)
    {}
    QByteArrayView bytes() const;

    const JsonTree *m_tree = nullptr;
    std::uint32_t m_node = 0;
};

class JsonTree
{
public:
    // Parses `json`, which must be one object or array (as QJsonDocument requires). On failure
    // root() is undefined and errorString() says what and where.
    bool parse(const QByteArray &json);
    JsonRef root() const;
    const QString &errorString() const { return m_error; }

private:
    friend class JsonRef;
    friend class JsonParser;

    struct Node {
        JsonRef::Type type;
        bool escaped;        // a string holding backslash escapes
        std::uint32_t begin; // byte offset; for strings the first byte after the quote
        std::uint32_t size;  // bytes; for strings without the quotes
        std::uint32_t next;  // index of the node after this value's subtree
        std::uint32_t count; // members or elements
    };

    QByteArray m_json; // the text the nodes point into (shared, not copied)
    std::vector<Node> m_nodes;
    QString m_error;
};

} // namespace ladder
