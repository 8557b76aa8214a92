/* gdnn-ui-gdnn_ui_kbd.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Real key presses for the window tests, through the X server of
 * xvfb-run. */

#pragma once

#include <dlfcn.h>

#include "gdnn-ui-test-utils.h"

/* Key presses go through the X server (XTest), as a keyboard's do: GTK 4
 * has no public way to make a key event. Xlib and XTest are reached with
 * dlsym so that the test needs no X development files. */
typedef struct
{
  void *display;
  unsigned char (*keysym_to_keycode) (void *display, unsigned long keysym);
  unsigned long (*keycode_to_keysym) (void *display, unsigned char keycode, unsigned int group, unsigned int level);
  int (*fake_key) (void *display, unsigned int keycode, int is_press, unsigned long delay);
  int (*sync) (void *display, int discard);
  int (*set_input_focus) (void *display, unsigned long window, int revert_to, unsigned long time);
} GdnnUiKeyboard;

static GdnnUiKeyboard gdnn_ui_kbd;

static inline void
gdnn_ui_keyboard_init (GtkWindow *window)
{
  void *(*get_xdisplay) (GdkDisplay *display);
  unsigned long (*get_xid) (GdkSurface *surface);
  void *xtst = dlopen ("libXtst.so.6", RTLD_NOW | RTLD_GLOBAL);

  g_assert_nonnull (xtst);
  *(void **) &get_xdisplay = dlsym (RTLD_DEFAULT, "gdk_x11_display_get_xdisplay");
  *(void **) &get_xid = dlsym (RTLD_DEFAULT, "gdk_x11_surface_get_xid");
  *(void **) &gdnn_ui_kbd.keysym_to_keycode = dlsym (RTLD_DEFAULT, "XKeysymToKeycode");
  *(void **) &gdnn_ui_kbd.keycode_to_keysym = dlsym (RTLD_DEFAULT, "XkbKeycodeToKeysym");
  *(void **) &gdnn_ui_kbd.sync = dlsym (RTLD_DEFAULT, "XSync");
  *(void **) &gdnn_ui_kbd.set_input_focus = dlsym (RTLD_DEFAULT, "XSetInputFocus");
  *(void **) &gdnn_ui_kbd.fake_key = dlsym (xtst, "XTestFakeKeyEvent");
  g_assert_nonnull (get_xdisplay);
  g_assert_nonnull (get_xid);
  g_assert_nonnull (gdnn_ui_kbd.keysym_to_keycode);
  g_assert_nonnull (gdnn_ui_kbd.keycode_to_keysym);
  g_assert_nonnull (gdnn_ui_kbd.sync);
  g_assert_nonnull (gdnn_ui_kbd.set_input_focus);
  g_assert_nonnull (gdnn_ui_kbd.fake_key);
  /* The window tests run on X11 (xvfb-run). */
  g_assert_true (g_str_equal (G_OBJECT_TYPE_NAME (gtk_widget_get_display (GTK_WIDGET (window))), "GdkX11Display"));
  gdnn_ui_kbd.display = get_xdisplay (gtk_widget_get_display (GTK_WIDGET (window)));
  /* No window manager gives the window the keyboard: take it (RevertToParent). */
  gdnn_ui_kbd.set_input_focus (gdnn_ui_kbd.display, get_xid (gtk_native_get_surface (GTK_NATIVE (window))), 2, 0);
  gdnn_ui_kbd.sync (gdnn_ui_kbd.display, 0);
  gdnn_ui_iterate (100);
}

static inline void
gdnn_ui_send_keycode (unsigned char keycode,
                      gboolean      shift)
{
  unsigned char shift_code = gdnn_ui_kbd.keysym_to_keycode (gdnn_ui_kbd.display, GDK_KEY_Shift_L);

  if (shift)
    gdnn_ui_kbd.fake_key (gdnn_ui_kbd.display, shift_code, 1, 0);
  gdnn_ui_kbd.fake_key (gdnn_ui_kbd.display, keycode, 1, 0);
  gdnn_ui_kbd.fake_key (gdnn_ui_kbd.display, keycode, 0, 0);
  if (shift)
    gdnn_ui_kbd.fake_key (gdnn_ui_kbd.display, shift_code, 0, 0);
  gdnn_ui_kbd.sync (gdnn_ui_kbd.display, 0);
  gdnn_ui_iterate (30);
}

/* Presses and releases the key of @keyval (with Shift when the keyboard
 * map has it on the second level, or when @shift). */
static inline void
gdnn_ui_press_key (guint    keyval,
                   gboolean shift)
{
  unsigned char keycode = gdnn_ui_kbd.keysym_to_keycode (gdnn_ui_kbd.display, keyval);

  g_assert_cmpuint (keycode, !=, 0);
  if (gdnn_ui_kbd.keycode_to_keysym (gdnn_ui_kbd.display, keycode, 0, 0) != keyval)
    shift = TRUE;
  gdnn_ui_send_keycode (keycode, shift);
}

static inline void
gdnn_ui_type_text (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    gdnn_ui_press_key (gdk_unicode_to_keyval (g_utf8_get_char (p)), FALSE);
  gdnn_ui_iterate (50);
}

static inline void
gdnn_ui_press_ctrl (guint keyval)
{
  unsigned char ctrl = gdnn_ui_kbd.keysym_to_keycode (gdnn_ui_kbd.display, GDK_KEY_Control_L);

  gdnn_ui_kbd.fake_key (gdnn_ui_kbd.display, ctrl, 1, 0);
  gdnn_ui_press_key (keyval, FALSE);
  gdnn_ui_kbd.fake_key (gdnn_ui_kbd.display, ctrl, 0, 0);
  gdnn_ui_kbd.sync (gdnn_ui_kbd.display, 0);
  gdnn_ui_iterate (100);
}
