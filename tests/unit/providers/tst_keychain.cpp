// The OS keychain for real: a key stored the way Settings → Providers stores one (the key field's
// ProviderSettings::storeKey, then storeKeychainKey and QtKeychain) is read back by
// KeychainKeySource — what sessions and Check use. ctest runs this through run_with_keyring.sh:
// a throwaway D-Bus session with a throwaway, unlocked GNOME keyring. Run directly it skips, so it
// never writes to a developer's own keychain.

#include "settings/providersettings.h"

#include "providers/key_source.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace ladder;

namespace {

constexpr int kKeychainWaitMs = 15000; // a cold keyring daemon writes its file first

// A key nobody else has: a leftover from an earlier run cannot pass for this one.
QString plantedKey()
{
    return QStringLiteral("sk-test-KEYCHAIN-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Stores through storeKeychainKey() and waits for its answer; the error, empty on success.
QString storeAndWait(const QString &keychain, const QString &providerId, const QString &key)
{
    QObject context;
    QString error = QStringLiteral("no answer");
    bool answered = false;
    storeKeychainKey(keychain, providerId, key, &context, [&](const QString &e) {
        error = e;
        answered = true;
    });
    if (!QTest::qWaitFor([&] { return answered; }, kKeychainWaitMs))
        return QStringLiteral("no answer from the keychain");
    return error;
}

} // namespace

class KeychainTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void keyFromSettingsFieldIsReadBack();
    void storedItemIsReadBack_data();
    void storedItemIsReadBack();
    void storingAgainReplacesTheKey();
    void missingItemIsAnErrorNotAKey();

private:
    QTemporaryDir m_dir;
};

void KeychainTest::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("LADDER_TEST_KEYRING"))
        QSKIP("needs the throwaway keyring of run_with_keyring.sh (ctest -R tst_keychain)");
    QVERIFY(KeychainKeySource::available());
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("LadderStudioTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_keychain"));
    qunsetenv("OPENAI_API_KEY"); // the key must come from the keychain, not the environment
}

// The Settings key field: storeKey() on an entry without a keychain item names one
// (ladder-studio/<id>), stores the key there and says so without the key; the keys the studio
// runs on, and a fresh KeychainKeySource, read the same key back.
void KeychainTest::keyFromSettingsFieldIsReadBack()
{
    ProviderSettings settings(nullptr);
    settings.setRemember(false);
    QVERIFY(settings.create(m_dir.filePath(QStringLiteral("providers.json"))));
    QCOMPARE(settings.rowCount(), 1);
    const QString id =
        QStringLiteral("keychain-test-") + QUuid::createUuid().toString(QUuid::Id128);
    QVERIFY(settings.setField(0, QStringLiteral("id"), id));
    QVERIFY(settings.setField(0, QStringLiteral("keychain"), QString()));
    const QString key = plantedKey();

    QSignalSpy stored(&settings, &ProviderSettings::keyStored);
    settings.storeKey(0, QStringLiteral("  ") + key + QStringLiteral("\n")); // as pasted
    QVERIFY2(stored.wait(kKeychainWaitMs) || stored.size() == 1, "storeKey answered");
    QVERIFY2(stored.at(0).at(0).toBool(), qPrintable(settings.message()));
    const ProviderConfigEntry entry = settings.edited().providers.at(0);
    QCOMPARE(entry.keychain, QStringLiteral("ladder-studio/") + id);
    QVERIFY(settings.message().contains(entry.keychain));
    QVERIFY(!settings.message().contains(key));

    const KeyLookup fresh = KeychainKeySource().lookup(entry.keyRef());
    QVERIFY2(fresh.error.isEmpty(), qPrintable(fresh.error));
    QCOMPARE(fresh.key, key);
    QCOMPARE(fresh.source, QStringLiteral("keychain ladder-studio/") + id);
    const KeyLookup studio = settings.keys()->lookup(entry.keyRef());
    QCOMPARE(studio.key, key);
    QCOMPARE(studio.source, fresh.source);
}

void KeychainTest::storedItemIsReadBack_data()
{
    QTest::addColumn<QString>("keychain");
    QTest::addColumn<QString>("providerId"); // the account when the item names none

    const QString unique = QUuid::createUuid().toString(QUuid::Id128);
    QTest::newRow("service/account") << "ladder-studio-test/account-" + unique << "unused";
    QTest::newRow("service only") << "ladder-studio-test-" + unique << "provider";
}

void KeychainTest::storedItemIsReadBack()
{
    QFETCH(QString, keychain);
    QFETCH(QString, providerId);
    const QString key = plantedKey();
    const QString error = storeAndWait(keychain, providerId, key);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const KeyLookup found = KeychainKeySource().lookup({providerId, {}, keychain});
    QVERIFY2(found.error.isEmpty(), qPrintable(found.error));
    QCOMPARE(found.key, key);
    QCOMPARE(found.source, QStringLiteral("keychain ") + keychain);
}

// A new key for the same item replaces the old one (a source made after the store sees it).
void KeychainTest::storingAgainReplacesTheKey()
{
    const QString item =
        QStringLiteral("ladder-studio-test/again-") + QUuid::createUuid().toString(QUuid::Id128);
    const KeyRef ref{QStringLiteral("again"), {}, item};
    const QString first = plantedKey();
    QCOMPARE(storeAndWait(item, ref.providerId, first), QString());
    QCOMPARE(KeychainKeySource().lookup(ref).key, first);
    const QString second = plantedKey();
    QCOMPARE(storeAndWait(item, ref.providerId, second), QString());
    QCOMPARE(KeychainKeySource().lookup(ref).key, second);
}

// With a working keyring, an item that was never stored gives no key and an error that names
// the item (for Check's diagnostics), and the chain falls through to it.
void KeychainTest::missingItemIsAnErrorNotAKey()
{
    const QString item =
        QStringLiteral("ladder-studio-test/absent-") + QUuid::createUuid().toString(QUuid::Id128);
    const KeyLookup missing = KeychainKeySource().lookup({QStringLiteral("absent"), {}, item});
    QVERIFY(missing.key.isEmpty());
    QVERIFY2(missing.error.startsWith(QStringLiteral("keychain ") + item + QStringLiteral(": ")),
             qPrintable(missing.error));
    const KeyLookup chained = defaultKeySource()->lookup(
        {QStringLiteral("absent"), QStringLiteral("LADDER_TEST_UNSET_VARIABLE"), item});
    QVERIFY(chained.key.isEmpty());
    QVERIFY(chained.error.contains(item));
}

QTEST_GUILESS_MAIN(KeychainTest)
#include "tst_keychain.moc"
