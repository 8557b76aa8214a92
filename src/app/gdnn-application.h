/* gdnn-application.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GDNN_TYPE_APPLICATION (gdnn_application_get_type ())

G_DECLARE_FINAL_TYPE (GdnnApplication, gdnn_application, GDNN, APPLICATION, AdwApplication)

GdnnApplication *gdnn_application_new (const char *db_path);

G_END_DECLS
