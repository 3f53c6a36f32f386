/* ui_internal: what ui.c and ui_input.c share and nobody else needs. */
#ifndef VT_UI_INTERNAL_H
#define VT_UI_INTERNAL_H

#include "ui.h"

/* Leaves any screen for the attract loop, resetting language and navigation. */
void ui_enter_attract(VtUi *ui);

/* Fills f->focus with the keyboard focus ring's screen rectangle (or w = 0). */
void ui_focus_rect(const VtUi *ui, VtFrame *f);

#endif
