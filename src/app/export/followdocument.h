#pragma once

// How a view model of the Export area follows the open document: it points at the new one and
// refreshes when the ladder is edited or another file is loaded. Shared by ExportModel and
// ServeController.

#include "document/ladderdocument.h"

#include <QPointer>

namespace ladder {

enum class FollowGeometry { No, Yes }; // also `onEdit` when nodes move (the export keeps layout)

// Points `current` at `document`, moving `receiver`'s connections from the old one: `onEdit`
// when the ladder changes, `onLoad` when a file is loaded. False when `document` is already
// the current one (nothing changed).
template <typename Receiver>
bool followDocument(QPointer<LadderDocument> &current, LadderDocument *document, Receiver *receiver,
                    void (Receiver::*onEdit)(), void (Receiver::*onLoad)(),
                    FollowGeometry geometry = FollowGeometry::No)
{
    if (current == document)
        return false;
    if (current)
        QObject::disconnect(current, nullptr, receiver, nullptr);
    current = document;
    if (current) {
        QObject::connect(current, &LadderDocument::documentChanged, receiver, onEdit);
        if (geometry == FollowGeometry::Yes)
            QObject::connect(current, &LadderDocument::geometryChanged, receiver, onEdit);
        QObject::connect(current, &LadderDocument::loaded, receiver, onLoad);
    }
    return true;
}

} // namespace ladder
