#include "providerentryfields.h"

#include <QCoreApplication>
#include <QMetaType>

#include <cmath>

namespace ladder::providerfields {

namespace {

constexpr TimeoutField kTimeoutFields[] = {
    {"connect_ms", &ProviderTimeouts::connectMs,
     QT_TRANSLATE_NOOP("ladder::ProviderSettings", "Connect timeout")},
    {"first_token_ms", &ProviderTimeouts::firstTokenMs,
     QT_TRANSLATE_NOOP("ladder::ProviderSettings", "First-token timeout")},
    {"idle_ms", &ProviderTimeouts::idleMs,
     QT_TRANSLATE_NOOP("ladder::ProviderSettings", "Idle timeout")},
    {"total_ms", &ProviderTimeouts::totalMs,
     QT_TRANSLATE_NOOP("ladder::ProviderSettings", "Call deadline")},
};

} // namespace

// The model a new entry of each kind starts with (the first of its kind in providers.example.json).
QStringList firstModelsOf(const QString &kind)
{
    if (kind == QLatin1String("openai"))
        return {QStringLiteral("gpt-5.4-mini")};
    if (kind == QLatin1String("anthropic"))
        return {QStringLiteral("claude-haiku-4-5")};
    if (kind == QLatin1String("gemini"))
        return {QStringLiteral("gemini-2.5-flash")};
    return {QStringLiteral("gpt-5.4")};
}

// A problem as the settings views show it: its text, and its severity for the colour.
QVariantMap problemRow(const Diagnostic &d)
{
    return {{QStringLiteral("text"), d.toString()},
            {QStringLiteral("severity"), d.severity == Diagnostic::Severity::Warning
                                             ? QStringLiteral("warning")
                                             : QStringLiteral("error")}};
}

QString defaultKeychain(const QString &providerId)
{
    return QStringLiteral("ladder-studio/") + providerId;
}

QStringList modelList(const QVariant &value)
{
    QStringList in =
        value.typeId() == QMetaType::QStringList || value.typeId() == QMetaType::QVariantList
            ? value.toStringList()
            : value.toString().split(QLatin1Char(','));
    QStringList out;
    for (const QString &m : std::as_const(in)) {
        if (!m.trimmed().isEmpty())
            out << m.trimmed();
    }
    return out;
}

// "model = 0.5 / 2 / 0.05; other = 1 / 3": an entry's prices as one line of text.
QString pricesText(const QMap<QString, ModelPrice> &prices)
{
    QStringList items;
    for (const ModelPrice &p : prices) {
        QString item =
            QStringLiteral("%1 = %2 / %3")
                .arg(p.model, QString::number(p.inputPerMTok), QString::number(p.outputPerMTok));
        if (p.cachedInputPerMTok != p.inputPerMTok)
            item += QStringLiteral(" / ") + QString::number(p.cachedInputPerMTok);
        items << item;
    }
    return items.join(QStringLiteral("; "));
}

// The inverse of pricesText(); nullopt with *bad set to the item that is no price.
std::optional<QMap<QString, ModelPrice>> parsePrices(const QString &text, const QString &provider,
                                                     QString *bad)
{
    QMap<QString, ModelPrice> prices;
    for (const QString &raw : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString item = raw.trimmed();
        if (item.isEmpty())
            continue;
        const qsizetype eq = item.lastIndexOf(QLatin1Char('='));
        const QStringList numbers =
            eq < 0 ? QStringList() : item.mid(eq + 1).split(QLatin1Char('/'));
        ModelPrice price;
        price.provider = provider;
        price.model = item.left(eq).trimmed();
        QList<double> values;
        for (const QString &n : numbers) {
            bool ok = false;
            const double v = n.trimmed().toDouble(&ok);
            if (!ok || v < 0 || !std::isfinite(v))
                break;
            values << v;
        }
        if (price.model.isEmpty() || values.size() != numbers.size() || values.size() < 2 ||
            values.size() > 3) {
            *bad = item;
            return std::nullopt;
        }
        price.inputPerMTok = values[0];
        price.outputPerMTok = values[1];
        price.cachedInputPerMTok = values.value(2, values[0]);
        prices.insert(price.model, price);
    }
    return prices;
}

const TimeoutField *timeoutField(const QString &name)
{
    for (const TimeoutField &field : kTimeoutFields) {
        if (name == QLatin1String(field.name))
            return &field;
    }
    return nullptr;
}

// Whole milliseconds from 0 to kMaxTimeoutMs, as a number or as text; nullopt for anything else.
std::optional<int> timeoutMs(const QVariant &value)
{
    bool ok = false;
    const double ms = value.typeId() == QMetaType::QString
                          ? value.toString().trimmed().toDouble(&ok)
                          : value.toDouble(&ok);
    if (!ok || !std::isfinite(ms) || ms < 0 || ms > kMaxTimeoutMs || ms != std::floor(ms))
        return std::nullopt;
    return int(ms);
}

ProviderConfigEntry newEntry(const QString &id, const QString &kind)
{
    const ProviderKindDefaults d = providerKindDefaults(kind); // the vendor's URL and key variable
    ProviderConfigEntry e;
    e.id = id;
    e.kind = kind;
    e.baseUrl = d.baseUrl;
    e.keyEnv = d.keyEnv;
    if (kind != QLatin1String("simulated"))
        e.keychain = defaultKeychain(id);
    e.models = firstModelsOf(kind);
    return e;
}

} // namespace ladder::providerfields
