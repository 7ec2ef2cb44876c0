#pragma once

// The fields of one providers-file entry as Settings → Providers edits them: what a new entry of
// a kind starts with, the model list and the prices as text, the timeouts by name, and a problem
// as the views' row.

#include "core/diagnostics.h"
#include "core/pricing.h"
#include "providers/provider_config.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

#include <optional>

namespace ladder::providerfields {

// A problem as the settings views show it: its text, and its severity for the colour.
QVariantMap problemRow(const Diagnostic &d);
QString defaultKeychain(const QString &providerId);
// The models a new entry of `kind` starts with (the first of its kind in providers.example.json).
QStringList firstModelsOf(const QString &kind);
// A comma-separated text or a list, trimmed, without empty items.
QStringList modelList(const QVariant &value);
// "model = 0.5 / 2 / 0.05; other = 1 / 3": an entry's prices as one line of text.
QString pricesText(const QMap<QString, ModelPrice> &prices);
// The inverse of pricesText(); nullopt with *bad set to the item that is no price.
std::optional<QMap<QString, ModelPrice>> parsePrices(const QString &text, const QString &provider,
                                                     QString *bad);

// The timeouts setField() edits, by the name the providers file gives them.
struct TimeoutField {
    const char *name;
    int ProviderTimeouts::*member;
    const char *label; // translated in ProviderSettings' context
};
const TimeoutField *timeoutField(const QString &name); // null: no timeout of that name
// Whole milliseconds from 0 to kMaxTimeoutMs, as a number or as text; nullopt for anything else.
std::optional<int> timeoutMs(const QVariant &value);
// A new entry of `kind`: the vendor's URL and key variable (providerKindDefaults), a keychain
// entry named after it, and the first model of its kind.
ProviderConfigEntry newEntry(const QString &id, const QString &kind);

} // namespace ladder::providerfields
