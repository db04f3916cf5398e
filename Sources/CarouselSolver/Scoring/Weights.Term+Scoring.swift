import CarouselModel

extension Weights.Term {
    /// How the solver scores the term: the solver's half of the registry
    /// (the model's half is `Weights.Term.definition`). Each term's
    /// functions are in its own file under `Scoring/Terms/`.
    var scoring: SoftTermScoring {
        switch self {
        case .preference: Preference.scoring
        case .idleGap: IdleGap.scoring
        case .siteChange: SiteChange.scoring
        case .spread: Spread.scoring
        case .isolated: Isolated.scoring
        case .roomStability: RoomStability.scoring
        case .mixSchools: MixSchools.scoring
        case .sessions: SessionCount.scoring
        case .staffOverload: StaffOverload.scoring
        case .overCapacity: OverCapacity.scoring
        case .travel: Travel.scoring
        case .continuity: Continuity.scoring
        case .hostBalance: HostBalance.scoring
        case .displaced: Displaced.scoring
        case .staffIdleGap: StaffIdleGap.scoring
        case .arrivalCrowding: ArrivalCrowding.scoring
        }
    }
}
