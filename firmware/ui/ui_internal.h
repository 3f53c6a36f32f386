/* ui_internal: what ui.c and ui_input.c share and nobody else needs. */
#ifndef VT_UI_INTERNAL_H
#define VT_UI_INTERNAL_H

#include "ui.h"

/* Fills f->focus with the keyboard focus ring's screen rectangle (or w = 0). */
void ui_focus_rect(const VtUi *ui, VtFrame *f);

/* The hidden staff gesture's target: the PIN pad (when a PIN is configured). */
void ui_open_pin(VtUi *ui);

/* One key of the PIN pad (0-9, 10 delete, 11 confirm). */
void ui_pin_key(VtUi *ui, int key);

#endif
