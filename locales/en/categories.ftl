categories-code = Code
categories-label = Category
categories-retired = retired
categories-note =
    'krm record --concern CODE' takes these codes (several separated by commas).
    KRM-NO: the case number YYYY-NNNN, e.g. 2026-0042 — year of receipt and
    running number; show, respond, close and the others name a case by it.
