/* crash-keys.h
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The values and task progress crash-worker edits (for the year ?1),
 * shared with crash-test, which knows the state of every one of them. */

#pragma once

/* unit id, indicator id, measure, unit code, plan number, indicator code */
#define CRASH_VALUE_KEYS_SQL \
  "SELECT u.id, i.id, i.measure, u.code, p.number, i.code FROM unit u " \
  "JOIN unit_plan up ON up.unit_id = u.id JOIN plan p ON p.id = up.plan_id " \
  "JOIN indicator i ON i.plan_id = p.id " \
  "WHERE u.type <> 'co_quan' AND ?1 BETWEEN p.first_year AND p.last_year " \
  "ORDER BY u.id, i.id;"

/* task id, unit id */
#define CRASH_PROGRESS_KEYS_SQL \
  "SELECT t.id, u.id FROM unit u JOIN unit_plan up ON up.unit_id = u.id " \
  "JOIN task t ON t.plan_id = up.plan_id AND (t.unit_id IS NULL OR t.unit_id = u.id) " \
  "JOIN plan p ON p.id = t.plan_id " \
  "WHERE u.type <> 'co_quan' AND ?1 BETWEEN p.first_year AND p.last_year " \
  "ORDER BY u.id, t.id;"

#define CRASH_YEAR 2026
