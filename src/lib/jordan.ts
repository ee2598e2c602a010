import { foldText } from "./text"

/** Jordan's 12 governorates (ISO 3166-2:JO) and the names shoppers type for them. */
export type Governorate = { code: string; name: string; nameAr: string; aliases: string[] }

export const GOVERNORATES: Governorate[] = [
  { code: "JO-AM", name: "Amman", nameAr: "العاصمة", aliases: ["عمان", "عمّان", "capital"] },
  { code: "JO-IR", name: "Irbid", nameAr: "إربد", aliases: ["اربد"] },
  { code: "JO-AZ", name: "Zarqa", nameAr: "الزرقاء", aliases: ["az zarqa", "al zarqa", "zarka", "الزرقا"] },
  { code: "JO-BA", name: "Balqa", nameAr: "البلقاء", aliases: ["al balqa", "salt", "as salt", "البلقا"] },
  { code: "JO-MD", name: "Madaba", nameAr: "مادبا", aliases: ["ma daba", "مأدبا"] },
  { code: "JO-MA", name: "Mafraq", nameAr: "المفرق", aliases: ["al mafraq"] },
  { code: "JO-JA", name: "Jerash", nameAr: "جرش", aliases: ["jarash"] },
  { code: "JO-AJ", name: "Ajloun", nameAr: "عجلون", aliases: ["ajlun", "ajlaun"] },
  { code: "JO-KA", name: "Karak", nameAr: "الكرك", aliases: ["al karak", "kerak"] },
  { code: "JO-AT", name: "Tafilah", nameAr: "الطفيلة", aliases: ["tafila", "at tafilah", "al tafilah"] },
  { code: "JO-MN", name: "Ma'an", nameAr: "معان", aliases: ["maan", "ma an"] },
  { code: "JO-AQ", name: "Aqaba", nameAr: "العقبة", aliases: ["al aqaba", "akaba"] },
]

/** Like foldText, and "Governorate" / "محافظة" dropped. */
function normalise(text: string): string {
  return foldText(text)
    .replace(/\b(governorate|province)\b|محافظه/g, " ")
    .replace(/\s+/g, " ")
    .trim()
}

const INDEX = new Map<string, Governorate>()
for (const governorate of GOVERNORATES) {
  for (const name of [governorate.code, governorate.name, governorate.nameAr, ...governorate.aliases]) {
    INDEX.set(normalise(name), governorate)
  }
}

/**
 * The governorate a shopper meant: its English name (any case, with or
 * without "Governorate"), its ISO code (JO-AM) or its Arabic name.
 */
export function resolveGovernorate(input: string | null | undefined): Governorate | undefined {
  return input ? INDEX.get(normalise(input)) : undefined
}

export function governorateByCode(code: string | null | undefined): Governorate | undefined {
  return GOVERNORATES.find((g) => g.code === code?.toUpperCase())
}
