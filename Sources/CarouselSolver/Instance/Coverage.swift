import CarouselModel

/// Turns lists of time ranges into slot sets (spec section 1, see
/// `EventCalendar.periods(coveredBy:touching:)`).
struct Coverage {
    let calendar: EventCalendar

    func mark(_ ranges: [TimeRange], touching: Bool, row: Int, in matrix: inout BitMatrix) {
        let P = calendar.periods.count
        for (d, p) in calendar.periods(coveredBy: ranges, touching: touching) { matrix.insert(row, d * P + p) }
    }
}
