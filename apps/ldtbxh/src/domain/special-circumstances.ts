/** The groups of children in special circumstances, Luật Trẻ em 2016, điều 10, in the law's order. */
export const SPECIAL_CIRCUMSTANCE_LABELS = {
  ORPHANED: 'Trẻ em mồ côi cả cha và mẹ',
  ABANDONED: 'Trẻ em bị bỏ rơi',
  WITHOUT_CARE: 'Trẻ em không nơi nương tựa',
  DISABLED: 'Trẻ em khuyết tật',
  HIV_AIDS: 'Trẻ em nhiễm HIV/AIDS',
  IN_CONFLICT_WITH_LAW: 'Trẻ em vi phạm pháp luật',
  DRUG_ADDICTED: 'Trẻ em nghiện ma túy',
  OUT_OF_SCHOOL_WORKING: 'Trẻ em phải bỏ học kiếm sống chưa hoàn thành phổ cập giáo dục trung học cơ sở',
  HARMED_BY_VIOLENCE: 'Trẻ em bị tổn hại nghiêm trọng về thể chất và tinh thần do bị bạo lực',
  EXPLOITED: 'Trẻ em bị bóc lột',
  SEXUALLY_ABUSED: 'Trẻ em bị xâm hại tình dục',
  TRAFFICKED: 'Trẻ em bị mua bán',
  SERIOUSLY_ILL_POOR_HOUSEHOLD:
    'Trẻ em mắc bệnh hiểm nghèo hoặc bệnh phải điều trị dài ngày thuộc hộ nghèo hoặc hộ cận nghèo',
  MIGRANT_OR_REFUGEE_UNACCOMPANIED:
    'Trẻ em di cư, trẻ em lánh nạn, tị nạn chưa xác định được cha mẹ hoặc không có người chăm sóc',
} as const;
export type SpecialCircumstanceCategory = keyof typeof SPECIAL_CIRCUMSTANCE_LABELS;
